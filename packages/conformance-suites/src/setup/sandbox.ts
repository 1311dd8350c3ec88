/**
 * vitest global setup of the `sandbox` project: a sandbox on a free port, with the seeded keys the
 * suites need (account-wide full access, read only, and a project-scoped key with read and write).
 */
import type { TestProject } from 'vitest/node';
import { startSandbox } from '@identitycall/sandbox';
import { sandboxKeys } from '../sandbox-keys.js';
import './provide.js';

export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({ port: 0 });
  const keys = sandboxKeys(sandbox.keys);
  project.provide('target', {
    kind: 'sandbox',
    baseUrl: sandbox.url,
    apiKey: keys.full,
    readOnlyKey: keys.readOnly,
    projectKey: keys.project,
    allowPurchase: true,
  });
  return () => sandbox.stop();
}
