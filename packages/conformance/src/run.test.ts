/**
 * The engine without a real server: a dry run sends nothing, and a target that does not answer is
 * reported once instead of failing every case. (Runs against the sandbox and the mock are tested in
 * `@identitycall/conformance-suites`.)
 */
import { describe, expect, it } from 'vitest';
import { startCountingServer } from '../test/helpers.js';
import { runConformance } from './run.js';

describe('targets and limits', () => {
  it('sends nothing in a dry run', async () => {
    const server = await startCountingServer();
    try {
      const report = await runConformance({ baseUrl: server.url, apiKey: 'idc_dryrunkey', dryRun: true, runs: 2 });
      expect(server.received).toHaveLength(0);
      expect(report).toMatchObject({ dryRun: true, passed: true, leftBehind: [] });
      expect(report.requests).toBeGreaterThan(100);
    } finally {
      await server.stop();
    }
  });

  it('reports a target that does not answer, instead of failing every case', async () => {
    const server = await startCountingServer();
    const url = server.url;
    await server.stop();
    const report = await runConformance({ baseUrl: url, apiKey: 'idc_k', stateless: false, timeoutMs: 2_000 });
    expect(report.passed).toBe(false);
    expect(report.stopped).toMatch(/^the target did not answer: no response/);
    expect(report.counts.failed).toBe(1);
  });
});
