/**
 * The report of a run as data: per check how often it passed and failed and why it was skipped,
 * every case with its failures, the requests sent and their rate. The human, JUnit and JSON
 * reports are views of this.
 */
import { CHECK_NAMES, CHECKS, type CheckName, type CheckTier } from '../checks/catalogue.js';
import { NEED_REASONS } from '../engine/needs.js';
import type { CaseResult } from '../engine/results.js';
import type { OwnedResource } from '../engine/ledger.js';
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
  /** True when no check failed and no case stopped on an error. */
  passed: boolean;
  cases: CaseResult[];
  checks: CheckSummary[];
  counts: { cases: number; passed: number; failed: number; skipped: number; failures: number };
  /** Resources the run created and could not delete (virtual numbers: the API cannot release them). */
  leftBehind: Array<{ kind: string; id: string | number; why: string }>;
  /** Why the run stopped early, if it did. */
  stopped?: string;
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
    return { name, tier: CHECKS[name].tier, description: CHECKS[name].description, passed, failed, skipped, skipReasons: [...reasons], status };
  });
  const count = (o: CaseResult['outcome']) => input.results.filter((r) => r.outcome === o).length;
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
    passed: count('failed') === 0,
    cases: input.results,
    checks,
    counts: { cases: input.results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), failures },
    leftBehind: input.owned
      .filter((r) => !r.deleted && !input.dryRun && input.keepsState !== false)
      .map((r) => ({ kind: r.kind, id: r.id, why: r.kind === 'virtual_numbers' ? 'the API has no operation to release a virtual number' : 'its delete did not succeed' })),
    ...(input.stopped && { stopped: input.stopped }),
  };
}
