/**
 * vitest global setup of the `sandbox` project: a sandbox on a free port or, with
 * IDENTITYCALL_SANDBOX_ADMIN_URL set, a tenant of that shared sandbox (./shared-sandbox.ts), with
 * the keys the suites need (account-wide full access, read only, and a project-scoped key with
 * read and write).
 */
import type { TestProject } from 'vitest/node';
import { sandboxTarget } from './shared-sandbox.js';
import './provide.js';

export default async function setup(project: TestProject) {
  const target = await sandboxTarget();
  project.provide('target', {
    kind: 'sandbox',
    baseUrl: target.url,
    apiKey: target.keys.full,
    readOnlyKey: target.keys.readOnly,
    projectKey: target.keys.project,
    allowPurchase: true,
  });
  return () => target.release();
}
