/**
 * The human report: a table of the named checks (passed, failed, skipped and why), each failure
 * with its request, its response and what differs from the spec, the skipped cases by kind of
 * reason, and the totals — requests sent, requests per second, duration — with the verdict
 * (PASSED, FAILED, INCOMPLETE). A run stopped by a rejected key is one message.
 */
import type { CaseResult } from '../engine/results.js';
import type { ConformanceReport } from './model.js';
import { exchangeText } from './exchange-text.js';
import { redact, type Secrets } from './redact.js';

/** Options of {@link formatHumanReport}. */
export interface HumanReportOptions {
  /** Keys to keep out of the text. */
  secrets?: Secrets;
  /** Colour the verdicts (ANSI). @default false */
  color?: boolean;
  /** Show at most this many failures in full. @default 50 */
  maxFailures?: number;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** A reason cut to one readable line. */
const oneLine = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The skipped cases by kind of reason, those that were not checked first. */
function skipTable(report: ConformanceReport, dim: (t: string) => string, warn: (t: string) => string): string[] {
  if (report.skips.length === 0) return [];
  const width = Math.max(...report.skips.map((s) => s.kind.length));
  const lines = ['', 'Skipped cases by reason:'];
  for (const s of report.skips) {
    const more = s.reasons.length > 1 ? ` (+${s.reasons.length - 1} more)` : '';
    const row = `  ${(s.deliberate ? 'by choice' : 'NOT CHECKED').padEnd(11)}  ${s.kind.padEnd(width)}  ${String(s.cases).padStart(4)}  ${s.label}: ${oneLine(s.reasons[0] ?? '')}${more}`;
    lines.push(s.deliberate ? dim(row) : warn(row));
  }
  return lines;
}

/** Formats a duration in ms as "850 ms" or "12.4 s". */
export const formatDuration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The report as text for a terminal or a CI log. */
export function formatHumanReport(report: ConformanceReport, options: HumanReportOptions = {}): string {
  const color = options.color ?? false;
  const red = (t: string) => paint(color, 31, t);
  const green = (t: string) => paint(color, 32, t);
  const dim = (t: string) => paint(color, 2, t);
  const yellow = (t: string) => paint(color, 33, t);
  const out: string[] = [];
  if (report.outcome === 'key-rejected') {
    out.push(`IdentityCall conformance ${report.tool.version} — ${report.target.baseUrl}`);
    out.push(red(`STOPPED — ${report.stopped ?? `the target rejected ${report.rejectedKey}`}`));
    return redact(out.join('\n'), options.secrets ?? {});
  }
  const keeps = report.target.keepsState === undefined ? 'unknown' : report.target.keepsState ? 'keeps state' : 'stateless mock';
  out.push(`IdentityCall conformance ${report.tool.version} — ${report.target.baseUrl}`);
  out.push(
    dim(
      `target: ${keeps} · seed ${report.seed} · ${report.runs} generated requests per operation${report.dryRun ? ' · DRY RUN (nothing was sent)' : ''}`,
    ),
  );
  if (report.shard)
    out.push(
      dim(
        `shard ${report.shard.index}/${report.shard.count}: only this shard's cases; merge every shard's --json report for the run's verdict`,
      ),
    );
  out.push('');

  const width = Math.max(...report.checks.map((c) => c.name.length));
  out.push(`  ${'check'.padEnd(width)}  ${'passed'.padStart(7)} ${'failed'.padStart(7)} ${'skipped'.padStart(8)}`);
  for (const c of report.checks) {
    const mark = c.status === 'failed' ? red('✗') : c.status === 'passed' ? green('✓') : dim('-');
    const reason =
      c.status !== 'failed' && c.passed === 0 && c.skipReasons.length > 0
        ? dim(`  ${c.skipReasons[0]}`)
        : c.status === 'not-run'
          ? dim('  not run')
          : '';
    out.push(
      `${mark} ${c.name.padEnd(width)}  ${String(c.passed).padStart(7)} ${c.failed ? red(String(c.failed).padStart(7)) : String(c.failed).padStart(7)} ${String(c.skipped).padStart(8)}${reason}`,
    );
  }

  const failed = report.cases.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    out.push('', red('Failures'));
    let n = 0;
    const max = options.maxFailures ?? 50;
    for (const r of failed) {
      if (r.error) {
        n++;
        if (n <= max)
          out.push('', `${red(`${n})`)} ${r.id} stopped on an error`, `     ${r.error.split('\n').slice(0, 4).join('\n     ')}`);
      }
      for (const f of r.failures) {
        n++;
        if (n > max) continue;
        out.push('', `${red(`${n})`)} ${f.check} — ${r.id}`, `     ${f.message}`);
        if (f.shrink) {
          out.push(
            `     shrunk in ${f.shrink.steps} step(s) from ${JSON.stringify(f.shrink.original)} to ${JSON.stringify(f.shrink.minimal)}`,
          );
          out.push(dim(`     replay: --seed ${report.seed} (property seed ${f.shrink.seed}, path ${f.shrink.path ?? '-'})`));
        }
        if (f.exchange) out.push(exchangeText(f.exchange));
      }
    }
    if (n > max) out.push('', dim(`… and ${n - max} more failure(s): see the JSON or JUnit report.`));
  }

  out.push(...skipTable(report, dim, yellow));
  out.push('');
  const { counts } = report;
  out.push(
    `Cases:    ${counts.passed} passed, ${counts.failed ? red(`${counts.failed} failed`) : '0 failed'}, ${counts.skipped} skipped (${counts.cases} in all)`,
  );
  out.push(
    `Requests: ${report.requests}${report.dryRun ? ' (would be sent)' : ''} in ${formatDuration(report.durationMs)} — ${report.requestsPerSecond} requests/s`,
  );
  if (report.stopped) out.push(red(`Stopped:  ${report.stopped}`));
  for (const left of report.leftBehind) out.push(dim(`Left behind: ${left.kind} ${left.id} (${left.why})`));
  out.push(verdict(report, { red, green, yellow }));
  return redact(out.join('\n'), options.secrets ?? {});
}

/** The last line: how the run ended. */
function verdict(report: ConformanceReport, paint: Record<'red' | 'green' | 'yellow', (t: string) => string>): string {
  const { counts } = report;
  switch (report.outcome) {
    case 'passed':
      return paint.green('PASSED — every check passed');
    case 'dry-run':
      return paint.green('DRY RUN — nothing was checked');
    case 'incomplete': {
      const notChecked = report.skips.filter((s) => !s.deliberate);
      const cases = notChecked.reduce((n, s) => n + s.cases, 0);
      const why = notChecked.map((s) => `${s.kind}: ${s.cases}`).join(', ');
      return report.passed
        ? paint.yellow(`INCOMPLETE (accepted with --allow-incomplete) — no check failed; ${cases} case(s) were not checked (${why})`)
        : paint.yellow(`INCOMPLETE — no check failed, but ${cases} case(s) were not checked (${why}); --allow-incomplete accepts this`);
    }
    default:
      return paint.red(
        report.outcome === 'key-rejected'
          ? `STOPPED — ${report.stopped ?? ''}`
          : `FAILED — ${counts.failures} failure(s) in ${counts.failed} case(s)`,
      );
  }
}

/** A failed case's failures as text (empty when it passed): for assertion messages. */
export function formatCaseFailures(result: CaseResult, secrets: Secrets = {}): string {
  const parts: string[] = [];
  if (result.error) parts.push(`stopped on an error: ${result.error}`);
  for (const f of result.failures) {
    parts.push(
      [
        `[${f.check}] ${f.message}`,
        ...(f.shrink
          ? [`  shrunk in ${f.shrink.steps} step(s) to ${JSON.stringify(f.shrink.minimal)} (property seed ${f.shrink.seed})`]
          : []),
        ...(f.exchange ? [exchangeText(f.exchange, '  ')] : []),
      ].join('\n'),
    );
  }
  return redact(parts.join('\n\n'), secrets);
}
