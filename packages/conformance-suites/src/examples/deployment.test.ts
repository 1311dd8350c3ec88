/**
 * The conformance engine from your own vitest test — the README's example ("From your own vitest
 * test"), type-checked and run here against a sandbox. Copy it into your repository (with
 * `@identitycall/conformance` and vitest installed) and set IDENTITYCALL_BASE_URL and
 * IDENTITYCALL_API_KEY (optionally IDENTITYCALL_READ_ONLY_KEY and IDENTITYCALL_PROJECT_KEY).
 */
import { expect, it } from 'vitest';
import { formatHumanReport, runConformance } from '@identitycall/conformance';

it('our deployment conforms to the IdentityCall API', { timeout: 600_000 }, async () => {
  const report = await runConformance({
    baseUrl: process.env.IDENTITYCALL_BASE_URL ?? '',
    apiKey: process.env.IDENTITYCALL_API_KEY ?? '',
    readOnlyKey: process.env.IDENTITYCALL_READ_ONLY_KEY || undefined,
    projectKey: process.env.IDENTITYCALL_PROJECT_KEY || undefined,
    seed: 20_260_430,
    runs: 5,
  });
  // 'passed', or 'failed' / 'incomplete' / 'key-rejected' with the whole report as the message:
  // each failed check with its request and response, the skipped cases by reason.
  expect(report.outcome, formatHumanReport(report)).toBe('passed');
});
