/**
 * The JUnit XML report, for CI systems that show test results: one test suite per family with a
 * test case per case (failures name their checks; skips give the reason as their message), and a
 * `checks` suite with one test case per named check. The run's outcome and its skipped cases by
 * kind of reason are properties of the report.
 * @see https://github.com/testmoapp/junitxml
 */
import type { CaseResult } from '../engine/results.js';
import type { ConformanceReport } from './model.js';
import { exchangeText } from './exchange-text.js';
import { redact, type Secrets } from './redact.js';

/** Escapes text for an XML attribute or text node (and drops characters XML cannot carry). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: CaseResult): string {
  const open = `    <testcase classname="conformance.${r.family}" name="${xmlEscape(`${r.id} — ${r.title}`)}" time="${seconds(r.durationMs)}"`;
  if (r.outcome === 'skipped') return `${open}>\n      <skipped message="${xmlEscape(r.skipReason ?? '')}"/>\n    </testcase>`;
  if (r.outcome === 'passed') return `${open}/>`;
  const checks = [...new Set(r.failures.map((f) => f.check))];
  const message = r.error ? `stopped on an error: ${r.error.split('\n')[0]}` : `${checks.join(', ')}: ${r.failures[0]?.message ?? ''}`;
  const details = [
    ...(r.error ? [r.error] : []),
    ...r.failures.map(
      (f) =>
        `[${f.check}] ${f.message}${f.shrink ? `\nshrunk in ${f.shrink.steps} step(s) to ${JSON.stringify(f.shrink.minimal)}` : ''}${f.exchange ? `\n${exchangeText(f.exchange, '  ')}` : ''}`,
    ),
  ].join('\n\n');
  return `${open}>\n      <failure message="${xmlEscape(message)}" type="${xmlEscape(checks[0] ?? 'error')}">${xmlEscape(details)}</failure>\n    </testcase>`;
}

/** The report as JUnit XML (keys redacted). */
export function toJUnitXml(report: ConformanceReport, secrets: Secrets = {}): string {
  const families = [...new Set(report.cases.map((r) => r.family))];
  const suites = families.map((family) => {
    const cases = report.cases.filter((r) => r.family === family);
    const time = cases.reduce((t, r) => t + r.durationMs, 0);
    const failures = cases.filter((r) => r.outcome === 'failed').length;
    const skipped = cases.filter((r) => r.outcome === 'skipped').length;
    return `  <testsuite name="${family}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}">\n${cases.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const checkCases = report.checks.map((c) => {
    const open = `    <testcase classname="conformance.checks" name="${c.name}" time="0"`;
    if (c.status === 'failed')
      return `${open}>\n      <failure message="${c.failed} failure(s)" type="${c.name}">${xmlEscape(c.description)}</failure>\n    </testcase>`;
    if (c.status === 'passed') return `${open}/>`;
    return `${open}>\n      <skipped message="${xmlEscape(c.skipReasons[0] ?? 'not run')}"/>\n    </testcase>`;
  });
  const checkFailures = report.checks.filter((c) => c.status === 'failed').length;
  const checkSkipped = report.checks.filter((c) => c.status === 'skipped' || c.status === 'not-run').length;
  suites.push(
    `  <testsuite name="checks" tests="${report.checks.length}" failures="${checkFailures}" errors="0" skipped="${checkSkipped}" time="0">\n${checkCases.join('\n')}\n  </testsuite>`,
  );
  const tests = report.cases.length + report.checks.length;
  const failures = report.counts.failed + checkFailures;
  const skipped = report.counts.skipped + checkSkipped;
  const properties = [
    `    <property name="base_url" value="${xmlEscape(report.target.baseUrl)}"/>`,
    `    <property name="outcome" value="${report.outcome}"/>`,
    `    <property name="seed" value="${report.seed}"/>`,
    `    <property name="requests" value="${report.requests}"/>`,
    `    <property name="requests_per_second" value="${report.requestsPerSecond}"/>`,
    // Skipped cases by kind of reason; `not_checked` ones make the run incomplete.
    ...report.skips.map((s) => `    <property name="skipped.${s.deliberate ? 'by_choice' : 'not_checked'}.${s.kind}" value="${s.cases}"/>`),
  ];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="identitycall-conformance" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    '  <properties>',
    ...properties,
    '  </properties>',
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
  return redact(xml, secrets);
}
