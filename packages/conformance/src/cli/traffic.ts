/**
 * The subcommands that check traffic the engine did not send: `proxy` (a validating proxy in
 * front of a deployment or the sandbox; reports on SIGINT/SIGTERM or after --max-requests) and
 * `har` (a recorded HAR file). Both print one line per failed check as it is found, write the same
 * JSON and JUnit reports as a run, and exit 0 (every exchange conformed), 1 (a check failed),
 * 2 (usage error) or 3 (nothing was checked: no exchange with the API was seen, or some could not
 * be checked).
 * @see ../../README.md#validating-proxy
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { ConformanceReport } from '../report/model.js';
import { toJsonReport } from '../report/json.js';
import { toHtmlReport } from '../report/html.js';
import { toJUnitXml } from '../report/junit.js';
import type { TrafficStats, Violation } from '../traffic/check.js';
import { checkHar } from '../traffic/har.js';
import { specBasePath } from '../traffic/check.js';
import { PROXY_HEADER, startProxy } from '../traffic/proxy.js';
import { integer } from './args.js';
import { EXIT_CODES, exitCodeOf } from './exit.js';
import { writeReportFile } from './write-file.js';

/** The port the proxy listens on unless told otherwise (the mock uses 4010, the sandbox 4011). */
export const DEFAULT_PROXY_PORT = 4012;

/** The usage of `identitycall-conformance proxy` (the example base path is the spec's). */
export const proxyUsage = (): string => `Usage: identitycall-conformance proxy --target <base-url> [options]

A validating proxy: point your client (any language, any test suite) at the proxy instead of
the target, changing only the origin. Every request and response passes through unchanged and
is checked against the spec; each failed check is printed as it is found.

  --target <url>          the API's base URL, with its base path
                          (e.g. http://127.0.0.1:4011${specBasePath()})
  --port <n>              port to listen on (default ${DEFAULT_PROXY_PORT}; 0 picks a free one)
  --host <host>           interface to listen on (default 127.0.0.1)
  --max-requests <n>      stop after n exchanges and write the reports
  --json <file>           write a JSON report when it stops
  --junit <file>          write a JUnit XML report when it stops
  --html <file>           write a self-contained HTML report when it stops
  -h, --help              show this help

It stops on SIGINT (Ctrl-C) or SIGTERM, or after --max-requests, and writes the reports.
A target that cannot be reached is answered 502 by the proxy, with the header
${PROXY_HEADER}: target-unreachable and a JSON {"error": "…"} body.

Exit status: 0 every exchange conformed, 1 a check failed, 2 usage error,
3 nothing was checked (no exchange with the API was seen, or some could not be checked).
`;

/** The usage of `identitycall-conformance har`. */
export const HAR_USAGE = `Usage: identitycall-conformance har <file.har> [options]

Checks recorded traffic (a HAR 1.2 file from browser devtools, a proxy, or Playwright's
recordHar) against the spec, entry by entry. Entries outside the API are counted, not checked.

  --base-url <url>        check only entries under this base URL (default: any origin,
                          under the spec's base path)
  --json <file>           write a JSON report
  --junit <file>          write a JUnit XML report
  --html <file>           write a self-contained HTML report
  -h, --help              show this help

Exit status: 0 every exchange conformed, 1 a check failed, 2 usage error (including a file
that is not HAR), 3 nothing was checked (no entry was a request to the API, or some could not be checked).
`;

const SUBCOMMANDS = ['proxy', 'har'] as const;

/** Whether `word` names one of these subcommands. */
export function isTrafficCommand(word: string | undefined): word is (typeof SUBCOMMANDS)[number] {
  return (SUBCOMMANDS as readonly (string | undefined)[]).includes(word);
}

/** What the reports options ask for. */
interface ReportFiles {
  json?: string;
  junit?: string;
  html?: string;
}

function parse(
  usage: string,
  argv: readonly string[],
  names: readonly string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string' };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\n\n${usage}`);
  }
}

function fileFlag(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} needs a file name`);
  return value;
}

/** Writes the reports; `hide` replaces every key seen, including one first seen after an exchange that carried it. */
async function writeReports(
  report: ConformanceReport,
  stats: TrafficStats,
  files: ReportFiles,
  hide: (text: string) => string,
): Promise<void> {
  if (files.json)
    await writeReportFile(files.json, hide(`${JSON.stringify({ ...(toJsonReport(report) as object), traffic: stats }, null, 2)}\n`));
  if (files.junit) await writeReportFile(files.junit, hide(toJUnitXml(report)));
  if (files.html) await writeReportFile(files.html, hide(toHtmlReport(report)));
}

/** One line per failed check, as the proxy prints them. */
export function violationLine(v: Violation): string {
  return `FAIL #${v.exchange} ${v.operationId} [${v.check}] ${v.message.replace(/\s+/g, ' ')}`;
}

/** The summary printed when checking ends: what was seen, each check that was evaluated, the verdict. */
export function trafficSummary(report: ConformanceReport, stats: TrafficStats): string {
  const lines = [
    `Exchanges: ${stats.exchanges} seen, ${stats.checked} checked, ${stats.violating} with a failed check, ${stats.outsideBasePath} outside the API (not checked)${stats.unchecked > 0 ? `, ${stats.unchecked} could not be checked` : ''}`,
  ];
  const evaluated = report.checks.filter((c) => c.passed + c.failed > 0);
  if (evaluated.length > 0) {
    const width = Math.max(...evaluated.map((c) => c.name.length));
    lines.push('Checks:');
    for (const c of evaluated)
      lines.push(`  ${c.name.padEnd(width)}  ${String(c.passed).padStart(6)} passed  ${String(c.failed).padStart(5)} failed`);
  }
  for (const s of report.skips) if (!s.deliberate) lines.push(`NOT CHECKED: ${s.reasons.join('; ')}`);
  if (report.outcome === 'failed') {
    const failed = report.checks.filter((c) => c.failed > 0).map((c) => `${c.name} (${c.failed})`);
    lines.push(`FAILED — ${failed.join(', ')}: see the lines above and the reports`);
  } else if (stats.checked === 0) {
    lines.push('NOTHING CHECKED — no exchange with the API was seen; this is not a pass');
  } else if (report.outcome === 'incomplete') {
    lines.push('INCOMPLETE — no check failed, but some exchanges were not checked in full (see above)');
  } else {
    lines.push(`PASSED — every one of the ${stats.checked} exchange(s) checked conformed to the spec`);
  }
  return `${lines.join('\n')}\n`;
}

async function proxyCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(proxyUsage(), argv, ['target', 'port', 'host', 'max-requests', 'json', 'junit', 'html']);
  if (values.help) {
    process.stdout.write(proxyUsage());
    return EXIT_CODES.passed;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (typeof values.target !== 'string' || values.target.trim() === '')
    throw new UsageError(`--target is required: the base URL of the API to forward to (e.g. http://127.0.0.1:4011${specBasePath()})`);
  const port = integer('--port', values.port as string | undefined, 0) ?? DEFAULT_PROXY_PORT;
  if (port > 65_535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const maxRequests = integer('--max-requests', values['max-requests'] as string | undefined, 1);
  const files: ReportFiles = {
    json: fileFlag('--json', values.json),
    junit: fileFlag('--junit', values.junit),
    html: fileFlag('--html', values.html),
  };
  const host = typeof values.host === 'string' && values.host.trim() !== '' ? values.host : '127.0.0.1';
  const proxy = await startProxy({
    target: values.target,
    port,
    host,
    maxRequests,
    // Messages arrive with every key seen in an Authorization header already replaced.
    onViolation: (v) => process.stdout.write(`${violationLine(v)}\n`),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`);
  });
  // The handlers go in before the ready line: a supervisor that signals as soon as it reads that
  // line must get the reports and the documented exit code, never a process killed mid-way.
  const stopSignal = new Promise<string>((resolve) => {
    let stopping = false;
    const on = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve(signal);
    };
    process.on('SIGINT', () => on('SIGINT'));
    process.on('SIGTERM', () => on('SIGTERM'));
    void proxy.done.then(() => on(`--max-requests ${maxRequests}`));
  });
  process.stdout.write(
    `Validating proxy on ${proxy.url} → ${proxy.target}\nPoint your client at ${proxy.url}; SIGINT (Ctrl-C) or SIGTERM${maxRequests ? ` or ${maxRequests} exchange(s)` : ''} writes the reports.\n`,
  );
  process.stdout.write(`\nStopping (${await stopSignal}): waiting for the exchanges in flight…\n`);
  const report = await proxy.stop();
  await writeReports(report, proxy.stats, files, proxy.redact);
  process.stdout.write(trafficSummary(report, proxy.stats));
  return exitCodeOf(report);
}

async function harCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(HAR_USAGE, argv, ['base-url', 'json', 'junit', 'html']);
  if (values.help) {
    process.stdout.write(HAR_USAGE);
    return EXIT_CODES.passed;
  }
  if (positionals.length !== 1) throw new UsageError(`har needs exactly one file, got ${positionals.length}\n\n${HAR_USAGE}`);
  const files: ReportFiles = {
    json: fileFlag('--json', values.json),
    junit: fileFlag('--junit', values.junit),
    html: fileFlag('--html', values.html),
  };
  const result = await checkHar(positionals[0]!, {
    baseUrl: typeof values['base-url'] === 'string' ? values['base-url'] : undefined,
    onViolation: (v) => process.stdout.write(`${violationLine(v)}\n`),
  });
  await writeReports(result.report, result.stats, files, result.redact);
  process.stdout.write(trafficSummary(result.report, result.stats));
  return exitCodeOf(result.report);
}

/** Runs `proxy` or `har` with its arguments; resolves to the exit status. */
export function trafficMain(command: (typeof SUBCOMMANDS)[number], argv: readonly string[]): Promise<number> {
  return command === 'proxy' ? proxyCommand(argv) : harCommand(argv);
}
