#!/usr/bin/env node
/**
 * `pnpm test:mutation`: runs the engine against the clean sandbox and against the sandbox with each
 * injected fault, prints the per-mutant table and the kill rate, and exits 1 when the kill rate is
 * under 95% or the clean sandbox fails a check (2 for a usage error).
 *
 *   node dist/mutation/cli.js [--fault <name>]… [--seed <n>] [--runs <n>] [--json <file>]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FAULTS, type FaultName } from '@identitycall/sandbox';
import { formatMutationTable, runMutationHarness } from './harness.js';

/** The kill rate under which the harness fails. */
const THRESHOLD = 0.95;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { fault: { type: 'string', multiple: true }, seed: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' } },
    strict: true,
  });
  const known = new Set<string>(FAULTS.map((f) => f.name));
  for (const f of values.fault ?? [])
    if (!known.has(f)) throw Object.assign(new Error(`unknown fault "${f}" (known: ${[...known].join(', ')})`), { usage: true });
  const number = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw Object.assign(new Error(`${flag} must be a whole number, got "${v}"`), { usage: true });
    return Number(v);
  };
  const faults = values.fault as FaultName[] | undefined;
  process.stdout.write(`Mutation harness: the clean sandbox, then ${faults?.length ?? FAULTS.length} mutant(s)\n`);
  const report = await runMutationHarness({
    faults,
    seed: number('--seed', values.seed),
    runs: number('--runs', values.runs),
    onResult: (r) =>
      process.stdout.write(
        `  ${r.fault === '(none)' ? (r.killed ? 'clean   ' : 'FAILED  ') : r.killed ? 'killed  ' : 'SURVIVED'} ${r.fault}\n`,
      ),
  });
  process.stdout.write(`\n${formatMutationTable(report)}\n`);
  if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  const ok = report.clean.killed && report.killRate >= THRESHOLD;
  process.stdout.write(
    ok
      ? `PASSED: kill rate ≥ ${THRESHOLD * 100}% and the clean sandbox passes\n`
      : `FAILED: ${!report.clean.killed ? 'the clean sandbox fails checks; ' : ''}kill rate ${(report.killRate * 100).toFixed(1)}% (needs ≥ ${THRESHOLD * 100}%)\n`,
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`test:mutation: ${(e as Error).message}\n`);
    process.exit((e as { usage?: boolean }).usage || String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS') ? 2 : 1);
  },
);
