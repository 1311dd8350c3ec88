/**
 * The command `identitycall-conformance`: checks any base URL against the spec and exits with
 * {@link EXIT_CODES} — 0 passed, 1 a check failed, 2 a usage error, 3 incomplete, 4 a key was
 * rejected. Ctrl-C skips the remaining cases and still deletes what the run created (a second
 * Ctrl-C exits at once).
 * @see ../../README.md
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { formatHumanReport } from '../report/human.js';
import { toJsonReport } from '../report/json.js';
import { toJUnitXml } from '../report/junit.js';
import { createProgress } from '../report/progress.js';
import { createRun } from '../run.js';
import { PACKAGE_VERSION } from '../version.js';
import { parseCli, USAGE } from './args.js';
import { EXIT_CODES, exitCodeOf } from './exit.js';
import { isTrafficCommand, trafficMain } from './traffic.js';
import { useColor } from './color.js';

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

export { EXIT_CODES, exitCodeOf } from './exit.js';

/** Runs the command with `argv` (without the node and script paths); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (isTrafficCommand(argv[0])) return trafficMain(argv[0], argv.slice(1));
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
  if (cli.junit) await write(cli.junit, toJUnitXml(report, secrets));
  if (cli.json) await write(cli.json, `${JSON.stringify(toJsonReport(report, secrets), null, 2)}\n`);
  return exitCodeOf(report, interrupted);
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
