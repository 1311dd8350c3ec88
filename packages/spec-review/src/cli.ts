#!/usr/bin/env node
/**
 * `identitycall-spec-review <command>`: the review and release commands behind the root scripts
 * `pnpm spec:diff`, `pnpm spec:changeset-check`, `pnpm spec:impact`, `pnpm docs` and `pnpm release:dry`.
 * Exit codes: 0 passed, 1 the check failed, 2 bad usage or a broken environment.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChangesetCheck } from './commands/changeset-check.js';
import { checkOurCode, renderImpact } from './commands/impact.js';
import { runSpecDiff } from './commands/spec-diff.js';
import { buildDocs } from './docs/build.js';
import { SpecReviewError, UsageError } from './errors.js';
import { findRepoRoot } from './git/git.js';
import { releaseDryRun, renderReleaseTable } from './release/dry-run.js';

const USAGE = `Usage: identitycall-spec-review <command> [options]

Commands:
  diff [base-ref]             Report API changes since base-ref (default origin/main, else the
                              local base branch's merge base, else HEAD~1);
                              exit 1 on a breaking change unless the change adds its own
                              changeset releasing @identitycall/openapi as major (minor
                              below 1.0.0); changesets pending from earlier changes do not count.
      --spec <path>           Spec entry relative to the repository root (default spec/openapi.yaml)
      --base-file <file>      Compare this file as the base instead of the base ref
      --head-file <file>      Compare this file as the head instead of the working tree
      --format <markdown|json>
                              Report format (default markdown); JSON gives each change's level
      --output <file>         Also write the report to this file
  changeset-check [base-ref]  Exit 1 when spec/ changed since base-ref and no changeset added
                              since then releases @identitycall/openapi.
  impact [base-ref]           The diff report, then regenerate, build and type-check every package
                              and list the compiler errors as "our code that this change breaks";
                              exit 1 when the gate fails or our code does not compile.
  docs                        Build the rendered API reference into <repo>/docs/index.html.
      --out <dir>             Output directory (default <repo>/docs)
      --spec <file>           Bundled spec to render (default the spec package's dist/openapi.json)
  release-dry                 Pack every public package and check it with publint and attw.
      --keep                  Keep the tarballs and print where they are
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      'base-file': { type: 'string' },
      'head-file': { type: 'string' },
      output: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (rest.length > 1) throw new UsageError(`${command} takes at most one argument (a base ref), got: ${rest.join(' ')}`);

  switch (command) {
    case 'diff': {
      if (values.format !== undefined && values.format !== 'markdown' && values.format !== 'json')
        throw new UsageError(`--format takes markdown or json, got "${values.format}"`);
      const outcome = runSpecDiff({
        ...(rest[0] ? { baseRef: rest[0] } : {}),
        ...(values.spec ? { specPath: values.spec } : {}),
        ...(values['base-file'] ? { baseFile: values['base-file'] } : {}),
        ...(values['head-file'] ? { headFile: values['head-file'] } : {}),
      });
      for (const note of outcome.notes) process.stderr.write(`note: ${note}\n`);
      const report = values.format === 'json' ? outcome.json : outcome.markdown;
      process.stdout.write(report);
      if (values.output) writeFileSync(resolve(values.output), report);
      return outcome.exitCode;
    }
    case 'impact': {
      // The report first: the author reads what the change does to clients before waiting for builds.
      const outcome = runSpecDiff(rest[0] ? { baseRef: rest[0] } : {});
      for (const note of outcome.notes) process.stderr.write(`note: ${note}\n`);
      process.stdout.write(outcome.markdown);
      process.stderr.write('Regenerating, building and type-checking our packages against this spec (turbo run typecheck)…\n');
      const impact = checkOurCode(findRepoRoot());
      process.stdout.write(`\n${renderImpact(impact)}`);
      return outcome.exitCode === 1 || impact.errors.length > 0 || impact.failedTasks.length > 0 ? 1 : 0;
    }
    case 'changeset-check': {
      const outcome = runChangesetCheck(rest[0] ? { baseRef: rest[0] } : {});
      (outcome.ok ? process.stdout : process.stderr).write(`${outcome.ok ? 'ok' : 'FAILED'}: ${outcome.message}\n`);
      for (const note of outcome.notes) process.stdout.write(`note: ${note}\n`);
      return outcome.ok ? 0 : 1;
    }
    case 'docs': {
      const outDir = values.out ? resolve(values.out) : join(findRepoRoot(), 'docs');
      const built = await buildDocs({ outDir, ...(values.spec ? { specFile: values.spec } : {}) });
      process.stdout.write(
        `Built the API reference (${built.operations} operations, ${(built.bytes / 1024).toFixed(0)} kB, no network needed): ${built.file}\n`,
      );
      return 0;
    }
    case 'release-dry': {
      if (rest.length) throw new UsageError('release-dry takes no arguments');
      const result = await releaseDryRun({ root: findRepoRoot(), keep: values.keep });
      process.stdout.write(`${renderReleaseTable(result)}\n`);
      if (values.keep) process.stdout.write(`Tarballs kept in ${result.outDir}\n`);
      return result.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof SpecReviewError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    process.stderr.write(`${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exitCode = 2;
  },
);
