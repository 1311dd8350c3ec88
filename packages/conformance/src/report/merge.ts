/**
 * Merging the shards of a run (`identitycall-conformance merge`): the JSON reports of every shard
 * become one report with the verdict one unsharded run would give. Reports of different runs (seed,
 * spec, plan, target, tool version, runs, shard count) are refused, and so are duplicated shards,
 * a case reported by two shards, and — unless `allowMissing` — a missing shard. A merge with a
 * missing shard is at best INCOMPLETE: its cases were not checked.
 */
import type { CaseResult } from '../engine/results.js';
import { SHARED_FAMILIES } from '../engine/split.js';
import { SKIP_KINDS } from '../engine/needs.js';
import { UsageError } from '../errors.js';
import { buildReport, type ConformanceReport, type SkipSummary } from './model.js';

/** One shard's report and the file it came from (named in errors). */
export interface ShardReportFile {
  file: string;
  report: ConformanceReport;
}

/** Options of {@link mergeReports}. */
export interface MergeOptions {
  /** Merge even when shards are missing; the verdict is then INCOMPLETE at best. @default false */
  allowMissing?: boolean;
  /** Count an incomplete merged run as passed (as `--allow-incomplete` does for one run). @default false */
  allowIncomplete?: boolean;
}

/** What must be equal in every shard of one run, and how to say it. */
const SAME: Array<{ what: string; of: (r: ConformanceReport) => unknown }> = [
  { what: 'tool version', of: (r) => r.tool.version },
  { what: 'spec', of: (r) => `${r.plan.spec.version} (hash ${r.plan.spec.hash})` },
  { what: 'plan (--family, --tier)', of: (r) => `${r.plan.cases} cases (hash ${r.plan.hash})` },
  { what: 'seed', of: (r) => r.seed },
  { what: 'runs', of: (r) => r.runs },
  { what: 'target', of: (r) => r.target.baseUrl },
  { what: 'dry run', of: (r) => r.dryRun },
  { what: 'shard count', of: (r) => r.shard?.count ?? 1 },
];

const shardOf = (r: ConformanceReport) => r.shard ?? { index: 1, count: 1, positions: r.cases.map((_, i) => i) };

/** One result for a case every shard ran (setup, cleanup): failed if it failed anywhere. */
function combineShared(parts: Array<{ label: string; result: CaseResult }>): CaseResult {
  const first = parts[0]!.result;
  const outcome = parts.some((p) => p.result.outcome === 'failed')
    ? 'failed'
    : parts.some((p) => p.result.outcome === 'passed')
      ? 'passed'
      : 'skipped';
  const checks: CaseResult['checks'] = {};
  for (const { result } of parts)
    for (const [name, counts] of Object.entries(result.checks) as Array<[keyof CaseResult['checks'], { passed: number; failed: number }]>) {
      const sum = (checks[name] ??= { passed: 0, failed: 0 });
      sum.passed += counts.passed;
      sum.failed += counts.failed;
    }
  const errors = parts.filter((p) => p.result.error).map((p) => `${p.label}: ${p.result.error}`);
  const skipped = parts.find((p) => p.result.outcome === 'skipped')?.result;
  const { error: _firstError, skipReason: _firstReason, skipKind: _firstKind, ...info } = first;
  return {
    ...info,
    outcome,
    checks,
    failures: parts.flatMap(({ label, result }) => result.failures.map((f) => ({ ...f, message: `${label}: ${f.message}` }))),
    requests: parts.reduce((n, p) => n + p.result.requests, 0),
    durationMs: parts.reduce((n, p) => n + p.result.durationMs, 0),
    clientOperations: [...new Set(parts.flatMap((p) => p.result.clientOperations))],
    ...(errors.length > 0 && { error: errors.join('\n') }),
    ...(parts.some((p) => p.result.stoppedRun) && { stoppedRun: true }),
    ...(outcome === 'skipped' && skipped ? { skipReason: skipped.skipReason, skipKind: skipped.skipKind } : {}),
  };
}

const list = (files: ShardReportFile[]) => files.map((f) => f.file).join(', ');

/**
 * Merges the shards' reports into the report of the whole run.
 * @throws UsageError naming the files when the reports are not the shards of one run, a shard is
 * duplicated, a case is in two shards, or a shard is missing (without `allowMissing`).
 */
export function mergeReports(inputs: readonly ShardReportFile[], options: MergeOptions = {}): ConformanceReport {
  if (inputs.length === 0) throw new UsageError('merge needs at least one JSON report');
  for (const { what, of } of SAME) {
    const values = new Map<string, ShardReportFile[]>();
    for (const input of inputs) {
      const key = String(of(input.report));
      values.set(key, [...(values.get(key) ?? []), input]);
    }
    if (values.size > 1)
      throw new UsageError(
        `these reports are not shards of one run: the ${what} differs — ${[...values].map(([v, files]) => `${v} in ${list(files)}`).join('; ')}`,
      );
  }
  const count = shardOf(inputs[0]!.report).count;
  const byIndex = new Map<number, ShardReportFile[]>();
  for (const input of inputs) {
    const { index } = shardOf(input.report);
    byIndex.set(index, [...(byIndex.get(index) ?? []), input]);
  }
  for (const [index, files] of byIndex)
    if (files.length > 1) throw new UsageError(`shard ${index}/${count} is given more than once: ${list(files)}`);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  const given = [...byIndex].sort(([a], [b]) => a - b);
  if (missing.length > 0 && !options.allowMissing)
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing ` +
        `(given: ${given.map(([i, [f]]) => `${i}/${count} ${f!.file}`).join(', ')}); pass every shard's JSON report, ` +
        'or --allow-missing to merge the others (the verdict is then INCOMPLETE at best)',
    );

  // Every case once, at its place in the plan; the shared cases combined across shards.
  const placed = new Map<string, { position: number; parts: Array<{ label: string; file: string; result: CaseResult }> }>();
  for (const [index, [{ file, report }]] of given as Array<[number, [ShardReportFile]]>) {
    const { positions } = shardOf(report);
    if (positions.length !== report.cases.length)
      throw new UsageError(`${file}: its shard lists ${positions.length} plan positions for ${report.cases.length} cases`);
    report.cases.forEach((result, k) => {
      const entry = placed.get(result.id) ?? { position: positions[k]!, parts: [] };
      const shared = SHARED_FAMILIES.includes(result.family);
      if (entry.parts.length > 0 && !shared)
        throw new UsageError(
          `case ${result.id} is in two shards: ${entry.parts[0]!.file} and ${file}; were both run with the same --shard count?`,
        );
      entry.parts.push({ label: `shard ${index}/${count}`, file, result });
      placed.set(result.id, entry);
    });
  }
  const ordered = [...placed.values()].sort((a, b) => a.position - b.position);
  const results = ordered.map(({ parts }) => (parts.length === 1 ? parts[0]!.result : combineShared(parts)));
  const first = given[0]![1][0]!.report;
  if (missing.length === 0 && results.length !== first.plan.cases)
    throw new UsageError(
      `the shards report ${results.length} of the ${first.plan.cases} planned cases (${list(inputs as ShardReportFile[])}); was a shard run only in part?`,
    );

  const reports = given.map(([, [f]]) => f!.report);
  const stops = [...new Set(reports.flatMap((r) => (r.stopped ? [`shard ${shardOf(r).index}/${count}: ${r.stopped}`] : [])))];
  const durations = reports.map((r) => r.durationMs);
  const keepsState = reports.map((r) => r.target.keepsState).find((k) => k !== undefined);
  const merged = buildReport({
    baseUrl: first.target.baseUrl,
    keepsState,
    seed: first.seed,
    runs: first.runs,
    dryRun: first.dryRun,
    startedAt: new Date(Math.min(...reports.map((r) => Date.parse(r.startedAt)))),
    // The shards ran side by side: the run took as long as its longest shard.
    durationMs: Math.max(...durations),
    requests: reports.reduce((n, r) => n + r.requests, 0),
    results,
    owned: [],
    ...(stops.length > 0 && { stopped: stops.join('; ') }),
    rejectedKey: reports.find((r) => r.rejectedKey)?.rejectedKey,
    allowIncomplete: options.allowIncomplete,
    plan: first.plan,
  });
  merged.leftBehind = reports.flatMap((r) => r.leftBehind);
  merged.merged = {
    count,
    merged: given.map(([i]) => i),
    missing,
    files: given.map(([i, [f]]) => ({ shard: i, file: f!.file })),
  };
  if (missing.length > 0) {
    const notMerged = first.plan.cases - results.length;
    const skip: SkipSummary = {
      kind: 'missing-shard',
      deliberate: SKIP_KINDS['missing-shard'].deliberate,
      label: SKIP_KINDS['missing-shard'].label,
      cases: notMerged,
      reasons: missing.map((i) => `shard ${i}/${count} was not merged`),
    };
    merged.skips = [skip, ...merged.skips];
    if (merged.outcome === 'passed') merged.outcome = 'incomplete';
    merged.passed = merged.outcome === 'dry-run' || (merged.outcome === 'incomplete' && options.allowIncomplete === true);
  }
  return merged;
}
