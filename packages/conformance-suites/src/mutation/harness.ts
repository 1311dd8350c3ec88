/**
 * The mutation harness: proves the engine catches wrong servers. The sandbox is started in-process
 * once without faults (every check must pass) and once per injected fault (some check must fail:
 * the mutant is "killed"); the kill rate is the share of mutants killed.
 * The faults are the `FAULTS` catalogue of `@identitycall/sandbox`.
 */
import { runConformance, type ConformanceReport } from '@identitycall/conformance';
import { FAULTS, startSandbox, type FaultName } from '@identitycall/sandbox';
import { sandboxKeys } from '../sandbox-keys.js';

/** One sandbox run: which checks failed, at what cost. */
export interface MutantResult {
  /** The injected fault, or `(none)` for the clean sandbox. */
  fault: string;
  description: string;
  /** For a mutant: some check failed. For the clean sandbox: the run passed (nothing failed, nothing went unchecked). */
  killed: boolean;
  /** The checks that failed, with their failure counts. */
  failedChecks: Array<{ check: string; failures: number }>;
  requests: number;
  durationMs: number;
  /** The first failures, for the clean run's diagnosis. */
  failures: string[];
}

/** The harness's result. */
export interface MutationReport {
  clean: MutantResult;
  mutants: MutantResult[];
  /** Killed mutants / all mutants, 0–1. */
  killRate: number;
  durationMs: number;
  seed: number;
}

/** Options of {@link runMutationHarness}. */
export interface MutationOptions {
  /** Faults to inject. @default every fault of the sandbox */
  faults?: readonly FaultName[];
  /** Seed of the generated requests. @default 20260430 */
  seed?: number;
  /** Generated requests per operation (a bounded budget keeps the harness fast). @default 8 */
  runs?: number;
  /** Requests per run at most. @default 3000 */
  maxRequests?: number;
  /** Called after each sandbox run. */
  onResult?: (result: MutantResult) => void;
}

async function runOne(
  fault: FaultName | undefined,
  options: Required<Omit<MutationOptions, 'faults' | 'onResult'>>,
): Promise<{ report: ConformanceReport; durationMs: number }> {
  const started = performance.now();
  const sandbox = await startSandbox({ port: 0, faults: fault ? [fault] : [], onError: () => {} });
  try {
    const keys = sandboxKeys(sandbox.keys);
    const report = await runConformance({
      baseUrl: sandbox.url,
      apiKey: keys.full,
      readOnlyKey: keys.readOnly,
      projectKey: keys.project,
      seed: options.seed,
      runs: options.runs,
      maxRequests: options.maxRequests,
      stateless: false,
      allowPurchase: true,
      // Generous, so a busy machine is only slower: no fault makes the sandbox hang.
      timeoutMs: 60_000,
      pollTimeoutMs: 60_000,
    });
    return { report, durationMs: performance.now() - started };
  } finally {
    await sandbox.stop();
  }
}

function summarise(fault: string, description: string, report: ConformanceReport, durationMs: number, clean: boolean): MutantResult {
  const failedChecks = report.checks.filter((c) => c.failed > 0).map((c) => ({ check: c.name, failures: c.failed }));
  const errored = report.cases.filter((c) => c.error).map((c) => ({ check: `error in ${c.id}`, failures: 1 }));
  const failures = report.cases.flatMap((c) => [
    ...(c.error ? [`${c.id}: ${c.error.split('\n')[0]}`] : []),
    ...c.failures.map((f) => `${c.id}: [${f.check}] ${f.message}`),
  ]);
  return {
    fault,
    description,
    // A mutant is killed when a check fails; a run that merely could not check everything is not a kill.
    killed: clean ? report.outcome === 'passed' : report.outcome === 'failed',
    failedChecks: [...failedChecks, ...errored],
    requests: report.requests,
    durationMs,
    failures: failures.slice(0, 10),
  };
}

/** Runs the clean sandbox and every mutant, and returns the kill rate. */
export async function runMutationHarness(options: MutationOptions = {}): Promise<MutationReport> {
  const started = performance.now();
  const settings = { seed: options.seed ?? 20_260_430, runs: options.runs ?? 8, maxRequests: options.maxRequests ?? 3_000 };
  const cleanRun = await runOne(undefined, settings);
  const clean = summarise('(none)', 'the sandbox as it is: every check must pass', cleanRun.report, cleanRun.durationMs, true);
  options.onResult?.(clean);
  const mutants: MutantResult[] = [];
  const catalogue = new Map(FAULTS.map((f) => [f.name, f.description]));
  for (const fault of options.faults ?? FAULTS.map((f) => f.name)) {
    const { report, durationMs } = await runOne(fault, settings);
    const result = summarise(fault, catalogue.get(fault) ?? '', report, durationMs, false);
    mutants.push(result);
    options.onResult?.(result);
  }
  const killed = mutants.filter((m) => m.killed).length;
  return {
    clean,
    mutants,
    killRate: mutants.length ? killed / mutants.length : 1,
    durationMs: performance.now() - started,
    seed: settings.seed,
  };
}

/** The harness's result as a table. */
export function formatMutationTable(report: MutationReport): string {
  const rows = [report.clean, ...report.mutants];
  const width = Math.max(...rows.map((r) => r.fault.length));
  const lines = [`${'fault'.padEnd(width)}  ${'verdict'.padEnd(8)} ${'requests'.padStart(8)} ${'time'.padStart(7)}  failed checks`];
  for (const r of rows) {
    const verdict = r.fault === '(none)' ? (r.killed ? 'clean' : 'FAILED') : r.killed ? 'killed' : 'SURVIVED';
    const checks = r.failedChecks.map((c) => `${c.check} (${c.failures})`).join(', ') || '—';
    lines.push(
      `${r.fault.padEnd(width)}  ${verdict.padEnd(8)} ${String(r.requests).padStart(8)} ${`${(r.durationMs / 1000).toFixed(1)}s`.padStart(7)}  ${checks}`,
    );
  }
  const killed = report.mutants.filter((m) => m.killed).length;
  lines.push(
    '',
    `Kill rate: ${killed}/${report.mutants.length} = ${(report.killRate * 100).toFixed(1)}% (seed ${report.seed}, ${(report.durationMs / 1000).toFixed(1)} s in all)`,
  );
  if (!report.clean.killed) lines.push('', 'The clean sandbox FAILED checks:', ...report.clean.failures.map((f) => `  ${f}`));
  for (const m of report.mutants.filter((x) => !x.killed)) lines.push(`SURVIVED: ${m.fault} — ${m.description}`);
  return lines.join('\n');
}
