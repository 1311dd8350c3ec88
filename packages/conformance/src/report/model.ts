/**
 * The report of a run as data: how it ended, per check how often it passed and failed and why it
 * was skipped, the skipped cases by kind of reason, every case with its failures, the requests sent
 * and their rate. The human, JUnit and JSON reports are views of this.
 */
import { CHECK_NAMES, CHECKS, type CheckName, type CheckTier } from '../checks/catalogue.js';
import { NEED_REASONS, SKIP_KINDS, type SkipKind } from '../engine/needs.js';
import type { CaseResult } from '../engine/results.js';
import type { OwnedResource } from '../engine/ledger.js';
import { planHash } from '../engine/split.js';
import { specIdentity, type SpecIdentity } from '../engine/spec.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';

/** How one check fared over the run. */
export interface CheckSummary {
  name: CheckName;
  tier: CheckTier;
  description: string;
  /** Evaluations that passed and failed. */
  passed: number;
  failed: number;
  /** Cases about this check that were skipped, and why (distinct reasons). */
  skipped: number;
  skipReasons: string[];
  /** `failed` if it ever failed, `passed` if it passed at least once, else `skipped` or `not-run`. */
  status: 'passed' | 'failed' | 'skipped' | 'not-run';
}

/**
 * How a run ended:
 * - `passed`: no check failed, and every case ran or was skipped by choice (see `SKIP_KINDS`);
 * - `failed`: a check failed, or a case stopped on an error;
 * - `incomplete`: no check failed, but cases that should have run were skipped (the request budget
 *   was spent, setup could not create what they need, no number was for sale, time ran out);
 * - `key-rejected`: the target refused a key the run was given; nothing was checked;
 * - `dry-run`: nothing was sent, so nothing was checked.
 */
export type RunOutcome = 'passed' | 'failed' | 'incomplete' | 'key-rejected' | 'dry-run';

/** The skipped cases of one kind of reason. */
export interface SkipSummary {
  kind: SkipKind;
  /** Whether the user or the target chose it (`false`: the cases were not checked). */
  deliberate: boolean;
  label: string;
  /** Cases skipped for this kind of reason. */
  cases: number;
  /** The distinct reasons, as the cases gave them. */
  reasons: string[];
}

/** What a run planned: merge refuses to combine shards of different plans. */
export interface PlanInfo {
  /** The spec the cases were planned from. */
  spec: SpecIdentity;
  /** Cases in the whole plan (every shard together; shared cases once). */
  cases: number;
  /** A hash of the ids of every planned case, in order (it changes with the spec, `--family` and `--tier`). */
  hash: string;
}

/** The shard a report covers (see `ConformanceOptions.shard`). */
export interface ShardInfo {
  /** 1-based. */
  index: number;
  count: number;
  /** Where each of the report's cases stands in the whole plan (same order as `cases`). */
  positions: number[];
}

/** How a merged report was put together. */
export interface MergeInfo {
  /** The shard count of the run. */
  count: number;
  /** The shards merged, and the shards whose report was missing (merged only with `--allow-missing`). */
  merged: number[];
  missing: number[];
  /** The report files, by shard. */
  files: Array<{ shard: number; file: string }>;
}

/** The report of a run. */
export interface ConformanceReport {
  tool: { name: string; version: string };
  target: { baseUrl: string; keepsState: boolean | undefined };
  seed: number;
  runs: number;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  /** Requests sent (cleanup included; in a dry run, requests that would have been sent). */
  requests: number;
  requestsPerSecond: number;
  /** How the run ended. */
  outcome: RunOutcome;
  /**
   * Whether the run counts as a success: it passed (or was a dry run), or it was incomplete and
   * `allowIncomplete` accepted that.
   */
  passed: boolean;
  /** The skipped cases by kind of reason, those that were not checked first. */
  skips: SkipSummary[];
  /** The option whose key the target rejected, when it did. */
  rejectedKey?: string;
  cases: CaseResult[];
  checks: CheckSummary[];
  counts: { cases: number; passed: number; failed: number; skipped: number; failures: number };
  /** Resources the run created and could not delete (purchased numbers: no operation releases one). */
  leftBehind: Array<{ kind: string; id: string | number; why: string }>;
  /** Why the run stopped early, if it did. */
  stopped?: string;
  /** What was planned (spec, size and hash of the plan). */
  plan: PlanInfo;
  /** The shard this report covers, when the run was split. */
  shard?: ShardInfo;
  /** How the shards were merged, on a merged report. */
  merged?: MergeInfo;
}

/** What {@link buildReport} reads. */
export interface ReportInput {
  baseUrl: string;
  keepsState: boolean | undefined;
  seed: number;
  runs: number;
  dryRun: boolean;
  startedAt: Date;
  durationMs: number;
  requests: number;
  results: CaseResult[];
  owned: readonly OwnedResource[];
  stopped?: string;
  /** The option whose key the target rejected. */
  rejectedKey?: string;
  /** Count an incomplete run as passed. @default false */
  allowIncomplete?: boolean;
  /** Kinds of resource no operation deletes (left behind by design, e.g. purchased numbers). */
  undeletable?: readonly string[];
  /** What was planned. @default the spec this package checks against, and `results` as the plan */
  plan?: PlanInfo;
  shard?: ShardInfo;
}

/** The skipped cases of `results`, by kind of reason: those that were not checked first, then by count. */
export function summariseSkips(results: readonly CaseResult[]): SkipSummary[] {
  const byKind = new Map<SkipKind, SkipSummary>();
  for (const r of results) {
    if (r.outcome !== 'skipped') continue;
    const kind = r.skipKind ?? 'other';
    const entry = byKind.get(kind) ?? {
      kind,
      deliberate: SKIP_KINDS[kind].deliberate,
      label: SKIP_KINDS[kind].label,
      cases: 0,
      reasons: [],
    };
    entry.cases++;
    if (r.skipReason && !entry.reasons.includes(r.skipReason)) entry.reasons.push(r.skipReason);
    byKind.set(kind, entry);
  }
  return [...byKind.values()].sort((a, b) => Number(a.deliberate) - Number(b.deliberate) || b.cases - a.cases);
}

/** How a run with these results ended (see {@link RunOutcome}). */
export function outcomeOf(
  input: Pick<ReportInput, 'results' | 'dryRun' | 'rejectedKey'>,
  skips = summariseSkips(input.results),
): RunOutcome {
  if (input.rejectedKey) return 'key-rejected';
  if (input.results.some((r) => r.outcome === 'failed')) return 'failed';
  if (input.dryRun) return 'dry-run';
  return skips.some((s) => !s.deliberate) ? 'incomplete' : 'passed';
}

/** Adds up the case results into a report. */
export function buildReport(input: ReportInput): ConformanceReport {
  const checks: CheckSummary[] = CHECK_NAMES.map((name) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons = new Set<string>();
    for (const r of input.results) {
      passed += r.checks[name]?.passed ?? 0;
      failed += r.checks[name]?.failed ?? 0;
      if (r.outcome === 'skipped' && r.about.includes(name)) {
        skipped++;
        if (r.skipReason) reasons.add(r.skipReason);
      }
    }
    // On a stateless mock the flows leave out their behaviour checks: say so rather than "not run".
    if (passed + failed === 0 && CHECKS[name].tier === 'behaviour' && input.keepsState === false && reasons.size === 0) {
      reasons.add(NEED_REASONS.stateful);
      skipped++;
    }
    const status = failed > 0 ? 'failed' : passed > 0 ? 'passed' : skipped > 0 ? 'skipped' : 'not-run';
    return {
      name,
      tier: CHECKS[name].tier,
      description: CHECKS[name].description,
      passed,
      failed,
      skipped,
      skipReasons: [...reasons],
      status,
    };
  });
  const count = (o: CaseResult['outcome']) => input.results.filter((r) => r.outcome === o).length;
  const skips = summariseSkips(input.results);
  const outcome = outcomeOf(input, skips);
  const failures = input.results.reduce((n, r) => n + r.failures.length + (r.error ? 1 : 0), 0);
  const seconds = input.durationMs / 1000;
  return {
    tool: { name: PACKAGE_NAME, version: PACKAGE_VERSION },
    target: { baseUrl: input.baseUrl, keepsState: input.keepsState },
    seed: input.seed,
    runs: input.runs,
    dryRun: input.dryRun,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    requests: input.requests,
    requestsPerSecond: seconds > 0 ? Math.round(input.requests / seconds) : 0,
    outcome,
    passed: outcome === 'passed' || outcome === 'dry-run' || (outcome === 'incomplete' && input.allowIncomplete === true),
    skips,
    ...(input.rejectedKey && { rejectedKey: input.rejectedKey }),
    cases: input.results,
    checks,
    counts: { cases: input.results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), failures },
    leftBehind: input.owned
      .filter((r) => !r.deleted && !input.dryRun && input.keepsState !== false)
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        why: input.undeletable?.includes(r.kind) ? 'the API has no operation to delete or release one' : 'its delete did not succeed',
      })),
    ...(input.stopped && { stopped: input.stopped }),
    plan: input.plan ?? { spec: specIdentity(), cases: input.results.length, hash: planHash(input.results) },
    ...(input.shard && { shard: input.shard }),
  };
}
