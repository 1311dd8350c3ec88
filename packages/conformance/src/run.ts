/**
 * `runConformance`: the whole run — plan the cases from the spec, run them one after another
 * against the target (setup first, cleanup last), and add up the report. `createRun` exposes the
 * same run case by case, for the vitest suites.
 */
import { deleteOf } from './cases/facts.js';
import type { Case } from './engine/case.js';
import { planCases } from './engine/plan.js';
import { fixturesNeeded, planHash, splitCases } from './engine/split.js';
import { specIdentity } from './engine/spec.js';
import type { CaseResult } from './engine/results.js';
import { runCase as runOne } from './engine/runner.js';
import { Session } from './engine/session.js';
import { resolveOptions, type ConformanceOptions } from './options.js';
import { buildReport, type ConformanceReport } from './report/model.js';

/** A run that can be driven case by case. */
export interface ConformanceRun {
  /** The planned cases of this run (of its shard, when sharded), in order (setup first, cleanup last). */
  readonly cases: readonly Case[];
  /** The run's state (target, fixtures, ledger). */
  readonly session: Session;
  /** Runs one case (each at most once) and returns its result. */
  runCase(c: Case): Promise<CaseResult>;
  /** Runs the cleanup case if it has not run yet. */
  cleanup(): Promise<void>;
  /** The report of what has run so far. */
  report(): ConformanceReport;
}

/**
 * Prepares a run without sending anything.
 * @throws UsageError for options that are malformed or do not fit together.
 */
export function createRun(options: ConformanceOptions): ConformanceRun {
  const resolved = resolveOptions(options);
  const session = new Session(resolved);
  const planned = planCases({ families: resolved.families, tiers: resolved.tiers });
  const { shard } = resolved;
  const cases = shard ? splitCases(planned, shard.count, resolved.runs)[shard.index - 1]! : planned;
  // A shard's setup buys a number or uploads a recording only when one of its cases needs it.
  if (shard) session.fixturesNeeded = fixturesNeeded(cases);
  const plan = { spec: specIdentity(), cases: planned.length, hash: planHash(planned) };
  const results = new Map<string, CaseResult>();
  const startedAt = new Date();
  const t0 = performance.now();
  resolved.onEvent?.({ type: 'plan', cases: cases.length });
  const runCase = async (c: Case): Promise<CaseResult> => {
    const done = results.get(c.id);
    if (done) return done;
    const result = await runOne(session, c, cases.indexOf(c));
    results.set(c.id, result);
    return result;
  };
  return {
    cases,
    session,
    runCase,
    async cleanup() {
      const last = cases.at(-1);
      if (last?.family === 'cleanup') await runCase(last);
    },
    report() {
      return buildReport({
        baseUrl: resolved.baseUrl,
        keepsState: session.stateless === undefined ? undefined : !session.stateless,
        seed: resolved.seed,
        runs: resolved.runs,
        dryRun: resolved.dryRun,
        startedAt,
        durationMs: performance.now() - t0,
        requests: session.transport.sent,
        results: cases.flatMap((c) => results.get(c.id) ?? []),
        owned: session.ledger.all(),
        undeletable: [...new Set(session.ledger.all().map((r) => r.kind))].filter((kind) => deleteOf(kind) === undefined),
        stopped: session.stopped,
        rejectedKey: session.rejectedKey,
        allowIncomplete: resolved.allowIncomplete,
        plan,
        ...(shard && {
          shard: { ...shard, positions: cases.filter((c) => results.has(c.id)).map((c) => planned.indexOf(c)) },
        }),
      });
    },
  };
}

/**
 * Runs every case against the target and returns the report. Never throws for a failing check
 * (see `report.passed`); throws UsageError for bad options.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const run = createRun(options);
  for (const c of run.cases) await run.runCase(c);
  return run.report();
}
