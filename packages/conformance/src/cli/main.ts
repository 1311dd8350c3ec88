/**
 * The command `identitycall-conformance`: checks any base URL against the spec and exits with
 * {@link EXIT_CODES} — 0 passed, 1 a check failed, 2 a usage error, 3 incomplete, 4 a key was
 * rejected. Ctrl-C skips the remaining cases and still deletes what the run created (a second
 * Ctrl-C exits at once).
 * @see ../../README.md
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { formatHumanReport } from '../report/human.js';
import { toHtmlReport } from '../report/html.js';
import { mergeReports, type ShardReportFile } from '../report/merge.js';
import { fromJsonReport, toJsonReport } from '../report/json.js';
import { toJUnitXml } from '../report/junit.js';
import { createProgress } from '../report/progress.js';
import { createRun } from '../run.js';
import { PACKAGE_VERSION } from '../version.js';
import { MERGE_USAGE, parseCli, parseMergeCli, USAGE } from './args.js';
import { EXIT_CODES, exitCodeOf } from './exit.js';
import { isTrafficCommand, trafficMain } from './traffic.js';
import { useColor } from './color.js';
import { writeReportFile } from './write-file.js';

export { EXIT_CODES, exitCodeOf } from './exit.js';

/** Runs the command with `argv` (without the node and script paths); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (isTrafficCommand(argv[0])) return trafficMain(argv[0], argv.slice(1));
  if (argv[0] === 'merge') return mergeMain(argv.slice(1));
  const cli = parseCli(argv, process.env);
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cli.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  resolveOptions(cli.options);
  const secrets = { 'api-key': cli.options.apiKey, 'read-only-key': cli.options.readOnlyKey, 'project-key': cli.options.projectKey };
  const tty = process.stdout.isTTY === true;
  const color = useColor({ flag: cli.color, env: process.env, isTTY: tty });
  const progress = createProgress({ write: (t) => process.stdout.write(t), isTTY: tty, columns: process.stdout.columns }, secrets);
  const run = createRun({ ...cli.options, onEvent: cli.quiet && !cli.options.dryRun ? undefined : progress.onEvent });
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    run.session.stop('interrupted (Ctrl-C)', 'interrupted');
    process.stderr.write('\nInterrupted: skipping the remaining cases and cleaning up (Ctrl-C again to exit at once)\n');
  });
  for (const c of run.cases) await run.runCase(c);
  progress.done();
  const report = run.report();
  process.stdout.write(`\n${formatHumanReport(report, { secrets, color })}\n`);
  if (cli.junit) await writeReportFile(cli.junit, toJUnitXml(report, secrets));
  if (cli.json) await writeReportFile(cli.json, `${JSON.stringify(toJsonReport(report, secrets), null, 2)}\n`);
  if (cli.html) await writeReportFile(cli.html, toHtmlReport(report, { secrets }));
  return exitCodeOf(report, interrupted);
}

/** Reads a shard's JSON report. @throws UsageError naming the file when it cannot be read or parsed. */
async function readShardReport(file: string): Promise<ShardReportFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `merge: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`merge: ${file} is not JSON (${(e as Error).message})`);
  }
  return { file, report: fromJsonReport(json, file) };
}

/** `identitycall-conformance merge`: the shards' JSON reports as one report; exits as one run would. */
async function mergeMain(argv: string[]): Promise<number> {
  const cli = parseMergeCli(argv);
  if (cli.help) {
    process.stdout.write(MERGE_USAGE);
    return 0;
  }
  const inputs = await Promise.all(cli.files.map(readShardReport));
  const report = mergeReports(inputs, { allowMissing: cli.allowMissing, allowIncomplete: cli.allowIncomplete });
  const color = useColor({ flag: cli.color, env: process.env, isTTY: process.stdout.isTTY === true });
  const { merged } = report;
  process.stdout.write(
    `Merged ${merged!.merged.length} of ${merged!.count} shard report(s)${merged!.missing.length > 0 ? ` (missing: ${merged!.missing.map((i) => `${i}/${merged!.count}`).join(', ')})` : ''}\n\n`,
  );
  process.stdout.write(`${formatHumanReport(report, { color })}\n`);
  if (cli.junit) await writeReportFile(cli.junit, toJUnitXml(report));
  if (cli.json) await writeReportFile(cli.json, `${JSON.stringify(toJsonReport(report), null, 2)}\n`);
  if (cli.html) await writeReportFile(cli.html, toHtmlReport(report));
  return exitCodeOf(report);
}

/** Runs the command and exits with its status (a usage error is 2, with the message on stderr). */
export function runCommand(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`identitycall-conformance: ${e.message}\nRun with --help for the options.\n`);
        process.exit(EXIT_CODES.usage);
      }
      process.stderr.write(`identitycall-conformance: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(EXIT_CODES.failed);
    },
  );
}
