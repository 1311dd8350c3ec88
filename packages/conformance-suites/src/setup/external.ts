/**
 * vitest global setup of the `external` project: the deployment named by IDENTITYCALL_BASE_URL and
 * IDENTITYCALL_API_KEY (optionally IDENTITYCALL_READ_ONLY_KEY, IDENTITYCALL_PROJECT_KEY and
 * IDENTITYCALL_ALLOW_PURCHASE=1).
 */
import type { TestProject } from 'vitest/node';
import { externalTargetFromEnv } from '@identitycall/conformance';
import './provide.js';

export default function setup(project: TestProject) {
  const target = externalTargetFromEnv();
  if (!target) throw new Error('the external project needs IDENTITYCALL_BASE_URL and IDENTITYCALL_API_KEY');
  project.provide('target', target);
}
