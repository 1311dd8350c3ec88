/** vitest global setup of the `mock` project: a Prism mock, started here and stopped at the end. */
import type { TestProject } from 'vitest/node';
import { startMock } from '@identitycall/mock';
import { MOCK_API_KEY } from '@identitycall/conformance';
import './provide.js';

export default async function setup(project: TestProject) {
  const mock = await startMock({ port: 0 });
  project.provide('target', { kind: 'mock', baseUrl: mock.url, apiKey: MOCK_API_KEY, allowPurchase: true });
  return () => mock.stop();
}
