/**
 * vitest global setup: picks the target once for all suites — a real deployment when
 * IDENTITYCALL_BASE_URL is set, otherwise a Prism mock started here and stopped at the end.
 */
import type { TestProject } from 'vitest/node';
import { startMock } from '@identitycall/mock';
import { externalTargetFromEnv, MOCK_API_KEY, type Target } from '../target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    target: Target;
  }
}

export default async function setup(project: TestProject) {
  const external = externalTargetFromEnv();
  if (external) {
    project.provide('target', external);
    return;
  }
  const mock = await startMock({ port: 0 });
  project.provide('target', { kind: 'mock', baseUrl: mock.url, apiKey: MOCK_API_KEY });
  return () => mock.stop();
}
