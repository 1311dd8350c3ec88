/** The reports: each failure with its request, response and what differs; keys never printed; valid JUnit and JSON. */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '@identitycall/sandbox';
import { formatHumanReport, runConformance, toJsonReport, toJUnitXml, type ConformanceReport } from '@identitycall/conformance';
import { sandboxRun } from '../../test/helpers.js';

let report: ConformanceReport;
let secrets: { 'api-key': string; 'read-only-key': string; 'project-key': string };

async function failingReport(): Promise<ConformanceReport> {
  const faulty = await startSandbox({ port: 0, faults: ['wrong-not-found-message'], onError: () => {} });
  try {
    const options = sandboxRun(faulty, { families: ['flows', 'scope'] });
    secrets = { 'api-key': options.apiKey, 'read-only-key': options.readOnlyKey!, 'project-key': options.projectKey! };
    return await runConformance(options);
  } finally {
    await faulty.stop();
  }
}

describe('reports of a failing run', () => {
  it('the human report shows the check, the request, the response and what differs, without keys', async () => {
    report ??= await failingReport();
    const text = formatHumanReport(report, { secrets });
    expect(text).toMatch(/\d+\) error_envelope — flows\/operators/);
    expect(text).toContain('message "Not found" is not the documented "Resource not found"');
    expect(text).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/operators\/\d+/);
    expect(text).toContain('← 404  content-type: application/json');
    expect(text).toContain('authorization: Bearer [api-key]');
    expect(text).toMatch(/Requests: \d+ in [\d.]+ m?s — \d+ requests\/s/);
    expect(text).toMatch(/FAILED — \d+ failure\(s\) in \d+ case\(s\)/);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });

  it('the JUnit report has a suite per family and a checks suite, with failures named by check', async () => {
    report ??= await failingReport();
    const xml = toJUnitXml(report, secrets);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(new Set(report.cases.map((c) => c.family)).size + 1);
    expect(xml.match(/<testcase /g)).toHaveLength(report.cases.length + report.checks.length);
    expect(xml).toContain('<testcase classname="conformance.checks" name="error_envelope" time="0">\n      <failure');
    expect(xml).toMatch(/<failure message="error_envelope: [^"]*&quot;Not found&quot;/);
    expect(xml.split('<testsuite ').length).toBe(xml.split('</testsuite>').length);
    for (const secret of Object.values(secrets)) expect(xml).not.toContain(secret);
  });

  it('the JSON report carries each failing exchange as data, keys redacted', async () => {
    report ??= await failingReport();
    const json = toJsonReport(report, secrets) as {
      passed: boolean;
      cases: Array<{
        failures: Array<{ check: string; exchange?: { request: { headers: Record<string, string> }; response: { status: number } } }>;
      }>;
    };
    const text = JSON.stringify(json);
    expect(json.passed).toBe(false);
    const failure = json.cases.flatMap((c) => c.failures).find((f) => f.check === 'error_envelope')!;
    expect(failure.exchange!.response.status).toBe(404);
    expect(failure.exchange!.request.headers.authorization).toMatch(/^Bearer \[(api|project)-key\]$/);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });
});
