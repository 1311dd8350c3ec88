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
      expect(report.requests).toBeGreaterThan(report.counts.passed);
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

/** A server that knows only `keys` (401 `{"error": "Invalid API key"}` for any other) and answers every request `{"data": []}`. */
const keyServer = (keys: string[]) =>
  startCountingServer((req) =>
    keys.includes(String(req.headers.authorization).replace(/^Bearer /, ''))
      ? { status: 200, body: '{"data":[]}' }
      : { status: 401, body: '{"error":"Invalid API key"}' },
  );

describe('a run that checked nothing does not pass', () => {
  it('--max-requests 1: INCOMPLETE, with every skipped case counted under the spent budget', async () => {
    const server = await startCountingServer();
    try {
      const report = await runConformance({ baseUrl: server.url, apiKey: 'idc_main', stateless: false, maxRequests: 1 });
      expect(server.received).toHaveLength(1);
      expect(report).toMatchObject({ outcome: 'incomplete', passed: false, stopped: 'request budget exhausted (--max-requests 1)' });
      expect(report.counts.failed).toBe(0);
      const budget = report.skips.find((s) => s.kind === 'budget')!;
      expect(budget).toMatchObject({ deliberate: false, reasons: ['request budget exhausted (--max-requests 1)'] });
      expect(budget.cases).toBe(report.cases.filter((c) => c.skipReason === report.stopped).length);
      expect(budget.cases).toBeGreaterThan(report.counts.cases / 2);
      // Accepting it is a choice the report keeps visible.
      const accepted = await runConformance({
        baseUrl: server.url,
        apiKey: 'idc_main',
        stateless: false,
        maxRequests: 1,
        allowIncomplete: true,
      });
      expect(accepted).toMatchObject({ outcome: 'incomplete', passed: true });
    } finally {
      await server.stop();
    }
  });

  it.each([
    { option: '--api-key', keys: [], requests: 1 },
    { option: '--read-only-key', keys: ['idc_main', 'idc_project'], requests: 2 },
    { option: '--project-key', keys: ['idc_main', 'idc_readonly'], requests: 3 },
  ])('a key the target rejects ($option) stops the run at once, with one failure that names it', async ({ option, keys, requests }) => {
    const server = await keyServer(keys);
    try {
      const report = await runConformance({
        baseUrl: server.url,
        apiKey: 'idc_main',
        readOnlyKey: 'idc_readonly',
        projectKey: 'idc_project',
        stateless: false,
      });
      expect(report).toMatchObject({ outcome: 'key-rejected', passed: false, rejectedKey: option });
      expect(report.stopped).toMatch(new RegExp(`^the target rejected ${option}: GET /operators answered 401 "Invalid API key"`));
      expect(report.counts.failures).toBe(1);
      expect(report.cases.filter((c) => c.outcome === 'failed').map((c) => [c.id, c.error])).toEqual([['setup', report.stopped]]);
      // Nothing was created: only the requests that found the key wrong were sent.
      expect(server.received.map((r) => r.method)).toEqual(new Array(requests).fill('GET'));
    } finally {
      await server.stop();
    }
  });
});
