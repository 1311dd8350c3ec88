/**
 * The HTML report: one self-contained file a person can read without the CLI — the verdict, the
 * counts by check and by operation, every failure with its request and response, the skipped
 * cases by reason, and a coverage matrix of operations × checks. It loads nothing: styles are
 * inline, there is no script, and its Content-Security-Policy forbids every fetch. Every text from
 * the run is HTML-escaped (response bodies are whatever the target sent) and keys are redacted.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
import { CHECK_NAMES, CHECKS, type CheckName } from '../checks/catalogue.js';
import type { Exchange } from '../engine/exchange.js';
import type { CaseResult, FailureDetail } from '../engine/results.js';
import { compiledSpec } from '../engine/spec.js';
import { requestBodyText } from './exchange-text.js';
import { formatDuration } from './human.js';
import type { ConformanceReport, RunOutcome } from './model.js';
import { redact, type Secrets } from './redact.js';

/** The page's Content-Security-Policy: inline styles only; no script, no fetch, no image, no font, no form. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Options of {@link toHtmlReport}. */
export interface HtmlReportOptions {
  /** Keys to redact (reports of a run are redacted already; this covers reports built elsewhere). */
  secrets?: Secrets;
  /** Most failures shown in full (the rest are counted). @default 200 */
  maxFailures?: number;
  /** Characters of a body shown. @default 4000 */
  maxBody?: number;
}

/** Escapes text for HTML text and attribute values (and drops characters HTML cannot carry). */
export function htmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const VERDICTS: Record<RunOutcome, { label: string; tone: string }> = {
  passed: { label: 'PASSED', tone: 'good' },
  failed: { label: 'FAILED', tone: 'bad' },
  incomplete: { label: 'INCOMPLETE', tone: 'warn' },
  'key-rejected': { label: 'STOPPED — a key was rejected', tone: 'bad' },
  'dry-run': { label: 'DRY RUN', tone: 'muted' },
};

/** Cases not about one operation (flows, behaviours across operations, setup, cleanup) share this row. */
export const NO_OPERATION = '(several operations)';

const STYLE = `
:root{--good:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;padding:24px;max-width:1400px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.verdict{display:inline-block;padding:6px 14px;border-radius:6px;color:#fff;font-weight:700;font-size:18px;margin:8px 0}
.verdict.good{background:var(--good)}.verdict.bad{background:var(--bad)}.verdict.warn{background:var(--warn)}.verdict.muted{background:var(--muted)}
.why{margin:4px 0 12px}.meta{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}td.n{text-align:right;font-variant-numeric:tabular-nums}
.status-passed,.cell-pass{color:var(--good)}.status-failed,.cell-fail{color:var(--bad);font-weight:600}
.status-skipped,.status-not-run,.cell-skip,.cell-none{color:var(--muted)}
td[class^="status-"]{white-space:nowrap}
td.cell-fail{background:#ffebe9}td.cell-pass{background:#dafbe1}td.cell-skip{background:#fff8c5}
.matrix th.check{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
.matrix td{text-align:center;min-width:34px}
.failure{border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:4px;padding:8px 12px;margin:10px 0}
.failure h3{font-size:15px;margin:0 0 4px}.failure .message{margin:4px 0 8px;white-space:pre-wrap}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:12px}
pre{background:var(--bg);border:1px solid var(--line);padding:8px;margin:4px 0;overflow:auto;max-height:420px;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
h4{margin:6px 0 2px;font-size:13px}
.deliberate{color:var(--muted)}.not-checked{color:var(--warn);font-weight:600}
@media (max-width:900px){.exchange{grid-template-columns:1fr}}
`;

function pretty(text: string, max: number): string {
  let out = text;
  try {
    if (/^\s*[[{]/.test(text)) out = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: shown as it came.
  }
  return out.length > max ? `${out.slice(0, max)}… (${out.length} characters)` : out;
}

/** Check evaluations (and skipped cases) per operation and check. */
interface Cell {
  passed: number;
  failed: number;
  skipped: number;
}

function matrixOf(cases: readonly CaseResult[]): Map<string, Map<CheckName, Cell>> {
  const rows = new Map<string, Map<CheckName, Cell>>();
  const cell = (op: string, check: CheckName): Cell => {
    const row = rows.get(op) ?? new Map<CheckName, Cell>();
    rows.set(op, row);
    const c = row.get(check) ?? { passed: 0, failed: 0, skipped: 0 };
    row.set(check, c);
    return c;
  };
  for (const r of cases) {
    const op = r.operationId ?? NO_OPERATION;
    rows.set(op, rows.get(op) ?? new Map());
    for (const [check, counts] of Object.entries(r.checks) as Array<[CheckName, { passed: number; failed: number }]>) {
      const c = cell(op, check);
      c.passed += counts.passed;
      c.failed += counts.failed;
    }
    if (r.outcome === 'skipped') for (const check of r.about) cell(op, check).skipped++;
  }
  return rows;
}

/** The spec's operations in its order, then any other operation the report names, then the shared row. */
function operationOrder(rows: ReadonlyMap<string, unknown>): string[] {
  let spec: string[] = [];
  try {
    spec = compiledSpec().validator.operations.map((op) => op.operationId);
  } catch {
    // Without the spec (a report read elsewhere) the report's own operations are listed.
  }
  const rest = [...rows.keys()].filter((op) => !spec.includes(op) && op !== NO_OPERATION).sort();
  return [...spec, ...rest, ...(rows.has(NO_OPERATION) ? [NO_OPERATION] : [])];
}

/** Renders the report as one self-contained HTML page (keys redacted, everything escaped). */
export function toHtmlReport(report: ConformanceReport, options: HtmlReportOptions = {}): string {
  const secrets = options.secrets ?? {};
  const maxBody = options.maxBody ?? 4000;
  const maxFailures = options.maxFailures ?? 200;
  const t = (value: unknown): string => htmlEscape(redact(String(value ?? ''), secrets));
  const verdict = VERDICTS[report.outcome];
  const { counts } = report;
  const out: string[] = [];

  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t(`${verdict.label} — IdentityCall conformance — ${report.target.baseUrl}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  );

  // The verdict and what it means.
  out.push(
    '<header>',
    `<h1>IdentityCall API conformance report</h1>`,
    `<div class="meta">${t(report.target.baseUrl)}</div>`,
    `<div id="verdict" class="verdict ${verdict.tone}" data-outcome="${report.outcome}">${t(verdict.label)}</div>`,
    `<p class="why" id="verdict-why">${t(verdictWhy(report))}</p>`,
    '</header>',
  );

  // The facts of the run.
  const keeps = report.target.keepsState === undefined ? 'unknown' : report.target.keepsState ? 'keeps state' : 'stateless mock';
  const facts: Array<[string, string]> = [
    ['Target', `${report.target.baseUrl} (${keeps})`],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Spec', `${report.plan.spec.version} (hash ${report.plan.spec.hash})`],
    ['Seed', `${report.seed} · ${report.runs} generated requests per operation`],
    ['Started', report.startedAt],
    ['Duration', formatDuration(report.durationMs)],
    ['Requests', `${report.requests}${report.dryRun ? ' (would be sent; nothing was)' : ''} · ${report.requestsPerSecond} requests/s`],
  ];
  if (report.shard) facts.push(['Shard', `${report.shard.index} of ${report.shard.count} (this report covers only this shard's cases)`]);
  if (report.merged)
    facts.push([
      'Merged',
      `${report.merged.merged.length} of ${report.merged.count} shards${report.merged.missing.length > 0 ? ` — missing: ${report.merged.missing.map((i) => `${i}/${report.merged!.count}`).join(', ')}` : ''}`,
    ]);
  if (report.stopped) facts.push(['Stopped', report.stopped]);
  out.push(`<dl class="facts" id="facts">${facts.map(([k, v]) => `<dt>${t(k)}</dt><dd>${t(v)}</dd>`).join('')}</dl>`);

  // Case counts.
  out.push(
    '<h2>Cases</h2>',
    '<table id="counts"><thead><tr><th>cases</th><th>passed</th><th>failed</th><th>skipped</th><th>failures</th></tr></thead><tbody>',
    `<tr><td class="n" data-count="cases">${counts.cases}</td><td class="n status-passed" data-count="passed">${counts.passed}</td>` +
      `<td class="n${counts.failed ? ' status-failed' : ''}" data-count="failed">${counts.failed}</td><td class="n" data-count="skipped">${counts.skipped}</td>` +
      `<td class="n${counts.failures ? ' status-failed' : ''}" data-count="failures">${counts.failures}</td></tr>`,
    '</tbody></table>',
  );

  // Checks.
  out.push(
    '<h2>Checks</h2>',
    '<table id="checks"><thead><tr><th>check</th><th>tier</th><th>passed</th><th>failed</th><th>skipped</th><th>status</th><th>what it verifies</th></tr></thead><tbody>',
  );
  for (const c of report.checks) {
    const note = c.status !== 'failed' && c.passed === 0 && c.skipReasons.length > 0 ? ` — ${c.skipReasons[0]}` : '';
    out.push(
      `<tr data-check="${t(c.name)}" data-status="${c.status}"><td><code>${t(c.name)}</code></td><td>${t(c.tier)}</td>` +
        `<td class="n">${c.passed}</td><td class="n${c.failed ? ' status-failed' : ''}">${c.failed}</td><td class="n">${c.skipped}</td>` +
        `<td class="status-${c.status}">${t(c.status)}</td><td>${t(c.description)}${t(note)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  // Operations.
  const matrix = matrixOf(report.cases);
  const order = operationOrder(matrix);
  out.push(
    '<h2>Operations</h2>',
    '<table id="operations"><thead><tr><th>operation</th><th>cases</th><th>passed</th><th>failed</th><th>skipped</th><th>check evaluations passed</th><th>failed</th></tr></thead><tbody>',
  );
  for (const op of order) {
    const cases = report.cases.filter((r) => (r.operationId ?? NO_OPERATION) === op);
    const row = matrix.get(op);
    const evals = [...(row?.values() ?? [])].reduce((s, c) => ({ passed: s.passed + c.passed, failed: s.failed + c.failed }), {
      passed: 0,
      failed: 0,
    });
    const n = (o: CaseResult['outcome']) => cases.filter((r) => r.outcome === o).length;
    out.push(
      `<tr data-operation="${t(op)}"><td><code>${t(op)}</code></td><td class="n">${cases.length}</td><td class="n">${n('passed')}</td>` +
        `<td class="n${n('failed') ? ' status-failed' : ''}">${n('failed')}</td><td class="n">${n('skipped')}</td>` +
        `<td class="n">${evals.passed}</td><td class="n${evals.failed ? ' status-failed' : ''}">${evals.failed}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  // Failures.
  const failed = report.cases.filter((r) => r.outcome === 'failed');
  out.push(`<h2>Failures (${counts.failures})</h2>`, '<section id="failures">');
  if (failed.length === 0) out.push('<p>No check failed.</p>');
  let shown = 0;
  for (const r of failed) {
    if (r.error && shown++ < maxFailures)
      out.push(
        `<article class="failure" data-case="${t(r.id)}" data-check="error"><h3>${t(r.id)} stopped on an error</h3>`,
        `<div class="meta">${t(r.title)}</div><pre>${t(r.error)}</pre></article>`,
      );
    for (const f of r.failures) if (shown++ < maxFailures) out.push(failureHtml(r, f, report, t, maxBody));
  }
  if (shown > maxFailures) out.push(`<p>… and ${shown - maxFailures} more failure(s): see the JSON or JUnit report.</p>`);
  out.push('</section>');

  // Skips.
  out.push('<h2>Skipped cases by reason</h2>', '<section id="skips">');
  if (report.skips.length === 0) out.push('<p>No case was skipped.</p>');
  else {
    out.push('<table><thead><tr><th>reason</th><th>cases</th><th>checked?</th><th>details</th></tr></thead><tbody>');
    for (const s of report.skips)
      out.push(
        `<tr data-skip="${t(s.kind)}"><td>${t(s.label)} <span class="meta">(${t(s.kind)})</span></td><td class="n">${s.cases}</td>` +
          `<td class="${s.deliberate ? 'deliberate">skipped by choice' : 'not-checked">not checked'}</td>` +
          `<td>${s.reasons.map((reason) => `<div>${t(reason)}</div>`).join('')}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  out.push('</section>');

  // Coverage matrix.
  const checks = CHECK_NAMES.filter((c) => CHECKS[c]);
  out.push(
    '<h2>Coverage: operations × checks</h2>',
    '<p class="meta">Each cell: check evaluations that passed (✓) or failed (✗) on requests to that operation; “skip” when its cases were skipped; “·” when no case of the operation is about that check.</p>',
    '<table class="matrix" id="matrix"><thead><tr><th>operation</th>',
    ...checks.map((c) => `<th class="check" title="${t(CHECKS[c].description)}">${t(c)}</th>`),
    '</tr></thead><tbody>',
  );
  for (const op of order) {
    const row = matrix.get(op);
    out.push(`<tr data-operation="${t(op)}"><th><code>${t(op)}</code></th>`);
    for (const check of checks) {
      const c = row?.get(check);
      const attrs = `data-check="${t(check)}" data-passed="${c?.passed ?? 0}" data-failed="${c?.failed ?? 0}" data-skipped="${c?.skipped ?? 0}"`;
      if (!c) out.push(`<td class="cell-none" ${attrs}>·</td>`);
      else if (c.failed > 0) out.push(`<td class="cell-fail" ${attrs} title="${c.failed} failed, ${c.passed} passed">✗ ${c.failed}</td>`);
      else if (c.passed > 0) out.push(`<td class="cell-pass" ${attrs} title="${c.passed} passed">✓ ${c.passed}</td>`);
      else out.push(`<td class="cell-skip" ${attrs} title="${c.skipped} case(s) skipped">skip</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');

  if (report.leftBehind.length > 0) {
    out.push('<h2>Left behind</h2>', '<ul id="left-behind">');
    for (const left of report.leftBehind) out.push(`<li>${t(left.kind)} ${t(left.id)} — ${t(left.why)}</li>`);
    out.push('</ul>');
  }
  out.push(
    `<footer class="meta"><p>Written by ${t(report.tool.name)} ${t(report.tool.version)}. This file loads nothing from the network.</p></footer>`,
  );
  out.push('</body>', '</html>', '');
  return redact(out.join('\n'), secrets);
}

/** One sentence under the verdict: what it means. */
function verdictWhy(report: ConformanceReport): string {
  const { counts } = report;
  switch (report.outcome) {
    case 'passed':
      return `Every check that ran passed: ${counts.passed} of ${counts.cases} cases passed, ${counts.skipped} were skipped by choice.`;
    case 'failed':
      return `${counts.failures} failure(s) in ${counts.failed} case(s); each is shown below with its request and response.`;
    case 'incomplete': {
      const notChecked = report.skips.filter((s) => !s.deliberate);
      const cases = notChecked.reduce((n, s) => n + s.cases, 0);
      return `No check failed, but ${cases} case(s) were not checked (${notChecked.map((s) => s.label).join('; ')})${report.passed ? '; accepted with --allow-incomplete' : ''}.`;
    }
    case 'key-rejected':
      return `${report.stopped ?? `The target rejected ${report.rejectedKey}`}. Nothing was checked.`;
    default:
      return 'Nothing was sent, so nothing was checked: the report shows what a run would send.';
  }
}

function exchangeHtml(e: Exchange, t: (v: unknown) => string, maxBody: number): string {
  const reqLines = [`${e.request.method} ${e.request.url}`, ...[...e.request.headers.entries()].map(([k, v]) => `${k}: ${v}`)];
  const reqBody = requestBodyText(e);
  const request = `<div class="request"><h4>Request</h4><pre data-part="request">${t(reqLines.join('\n'))}${reqBody !== undefined ? `\n\n${t(pretty(reqBody, maxBody))}` : ''}</pre></div>`;
  let response: string;
  if (e.error !== undefined)
    response = `<div class="response"><h4>Response</h4><pre data-part="response">no response: ${t(e.error)}</pre></div>`;
  else {
    const resLines = [`${e.response.status}`, ...[...e.response.headers.entries()].map(([k, v]) => `${k}: ${v}`)];
    response = `<div class="response"><h4>Response</h4><pre data-part="response">${t(resLines.join('\n'))}${e.response.text !== '' ? `\n\n${t(pretty(e.response.text, maxBody))}` : ''}</pre></div>`;
  }
  return `<div class="exchange">${request}${response}</div>`;
}

function failureHtml(r: CaseResult, f: FailureDetail, report: ConformanceReport, t: (v: unknown) => string, maxBody: number): string {
  const parts = [
    `<article class="failure" data-case="${t(r.id)}" data-check="${t(f.check)}">`,
    `<h3><code>${t(f.check)}</code> — ${t(r.id)}</h3>`,
    `<div class="meta">${t(r.title)}${f.operationId ? ` · operation ${t(f.operationId)}` : ''}</div>`,
    `<div class="message">${t(f.message)}</div>`,
  ];
  if (f.shrink)
    parts.push(
      `<div class="meta">Shrunk in ${f.shrink.steps} step(s) from <code>${t(JSON.stringify(f.shrink.original))}</code> to <code>${t(JSON.stringify(f.shrink.minimal))}</code>; replay with --seed ${report.seed} (property seed ${f.shrink.seed}, path ${t(f.shrink.path ?? '-')}).</div>`,
    );
  if (f.exchange) parts.push(exchangeHtml(f.exchange, t, maxBody));
  parts.push('</article>');
  return parts.join('\n');
}
