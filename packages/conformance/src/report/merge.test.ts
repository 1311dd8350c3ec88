/**
 * Merging shard reports without a server: dry runs of the shards, through their JSON reports, merge
 * into the counts of one dry run; reports of other runs, duplicated and missing shards are refused
 * with errors that name the files. (Merges of real runs against the sandbox and the mock are tested
 * in `@identitycall/conformance-suites`.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import type { ConformanceOptions } from '../options.js';
import { runConformance } from '../run.js';
import { fromJsonReport, toJsonReport } from './json.js';
import { mergeReports, type ShardReportFile } from './merge.js';
import type { ConformanceReport } from './model.js';

const base: ConformanceOptions = {
  baseUrl: 'https://api.example.test/api/v1/public',
  apiKey: 'idc_merge_secret',
  readOnlyKey: 'idc_merge_readonly',
  dryRun: true,
  seed: 11,
  runs: 1,
  // A few families keep the dry runs short; the split and the merge are the same for any plan.
  families: ['examples', 'auth', 'flows', 'permissions'],
};

/** The report as `merge` reads it back from its JSON file. */
const viaJson = (report: ConformanceReport, file: string): ShardReportFile => ({
  file,
  report: fromJsonReport(JSON.parse(JSON.stringify(toJsonReport(report, { 'api-key': base.apiKey }))), file),
});

let whole: ConformanceReport;
let shards: ShardReportFile[];

beforeAll(async () => {
  whole = await runConformance(base);
  shards = [];
  for (const index of [1, 2, 3]) shards.push(viaJson(await runConformance({ ...base, shard: { index, count: 3 } }), `shard-${index}.json`));
}, 120_000);

describe('merging the shards of a run', () => {
  it('gives the case count, case ids, verdict and per-check counts of one run (in plan order)', () => {
    const merged = mergeReports(shards);
    expect(merged.outcome).toBe(whole.outcome);
    expect(merged.counts).toEqual(whole.counts);
    expect(merged.cases.map((c) => c.id)).toEqual(whole.cases.map((c) => c.id));
    expect(merged.skips.map((s) => [s.kind, s.cases])).toEqual(whole.skips.map((s) => [s.kind, s.cases]));
    expect(merged.merged).toEqual({
      count: 3,
      merged: [1, 2, 3],
      missing: [],
      files: [1, 2, 3].map((shard) => ({ shard, file: `shard-${shard}.json` })),
    });
    expect(merged.shard).toBeUndefined();
    expect(merged.plan).toEqual(whole.plan);
    // Setup and cleanup ran in every shard and count once, with every shard's requests.
    expect(merged.cases.filter((c) => c.id === 'setup')).toHaveLength(1);
    const setupRequests = shards.map((s) => s.report.cases.find((c) => c.id === 'setup')!.requests);
    expect(merged.cases.find((c) => c.id === 'setup')!.requests).toBe(setupRequests.reduce((a, b) => a + b, 0));
    expect(merged.requests).toBe(shards.reduce((n, s) => n + s.report.requests, 0));
  });

  it('does not depend on the order the files are given in', () => {
    const a = mergeReports(shards);
    const b = mergeReports([...shards].reverse());
    expect(b.cases.map((c) => c.id)).toEqual(a.cases.map((c) => c.id));
    expect(b.counts).toEqual(a.counts);
  });

  it('the merged report survives its own JSON (a merge of merges is the same report)', () => {
    const merged = mergeReports(shards);
    const again = mergeReports([viaJson(merged, 'merged.json')]);
    expect(again.counts).toEqual(merged.counts);
    expect(again.outcome).toBe(merged.outcome);
  });

  it('keeps the keys out: the JSON of a shard has none', () => {
    for (const { report } of shards) expect(JSON.stringify(toJsonReport(report))).not.toContain(base.apiKey);
  });

  it('a failure in a shared case is kept, named by its shard, and fails the merged run', () => {
    const failing = structuredClone(shards[1]!);
    const setup = failing.report.cases.find((c) => c.id === 'setup')!;
    setup.outcome = 'failed';
    setup.failures = [{ check: 'positive_data_acceptance', message: 'createProject answered 500' }];
    const merged = mergeReports([shards[0]!, failing, shards[2]!]);
    expect(merged.outcome).toBe('failed');
    expect(merged.cases.find((c) => c.id === 'setup')!.failures.map((f) => f.message)).toEqual(['shard 2/3: createProject answered 500']);
  });
});

describe('what merge refuses', () => {
  const expectUsage = (fn: () => unknown, message: RegExp) => {
    expect(fn).toThrow(UsageError);
    expect(fn).toThrow(message);
  };
  const changed = (input: ShardReportFile, file: string, change: (r: ConformanceReport) => void): ShardReportFile => {
    const copy = structuredClone(input);
    change(copy.report);
    return { ...copy, file };
  };

  it.each<[string, (r: ConformanceReport) => void, RegExp]>([
    ['seed', (r) => (r.seed = 12), /the seed differs — 11 in shard-1\.json, shard-2\.json; 12 in other\.json/],
    ['spec', (r) => (r.plan.spec.hash = 'ffff'), /the spec differs/],
    ['plan', (r) => (r.plan.hash = 'ffff'), /the plan \(--family, --tier\) differs/],
    ['target', (r) => (r.target.baseUrl = 'https://other.test/api/v1/public'), /the target differs/],
    ['tool version', (r) => (r.tool.version = '9.9.9'), /the tool version differs/],
    ['runs', (r) => (r.runs = 5), /the runs differs/],
    ['shard count', (r) => (r.shard!.count = 4), /the shard count differs/],
  ])('reports of another run (%s), naming the files', (_, change, message) => {
    expectUsage(() => mergeReports([shards[0]!, shards[1]!, changed(shards[2]!, 'other.json', change)]), message);
  });

  it('a shard given twice', () => {
    expectUsage(
      () => mergeReports([shards[0]!, shards[1]!, { ...shards[1]!, file: 'copy.json' }, shards[2]!]),
      /shard 2\/3 is given more than once: shard-2\.json, copy\.json/,
    );
  });

  it('a missing shard, naming it and the files given', () => {
    expectUsage(
      () => mergeReports([shards[0]!, shards[2]!]),
      /shard 2\/3 is missing \(given: 1\/3 shard-1\.json, 3\/3 shard-3\.json\); pass every shard's JSON report, or --allow-missing/,
    );
  });

  it('a case in two shards', () => {
    const stray = shards[1]!.report.cases.find((c) => c.family !== 'setup' && c.family !== 'cleanup')!;
    const tampered = changed(shards[0]!, 'shard-1.json', (r) => {
      r.cases.splice(1, 0, structuredClone(stray));
      r.shard!.positions.splice(1, 0, 1);
    });
    expectUsage(
      () => mergeReports([tampered, shards[1]!, shards[2]!]),
      new RegExp(`case ${stray.id} is in two shards: shard-1\\.json and shard-2\\.json`),
    );
  });

  it('shards that do not add up to the plan (a shard run only in part)', () => {
    const partial = changed(shards[2]!, 'shard-3.json', (r) => {
      r.cases.splice(1, 1);
      r.shard!.positions.splice(1, 1);
    });
    expectUsage(() => mergeReports([shards[0]!, shards[1]!, partial]), /the shards report \d+ of the \d+ planned cases/);
  });

  it('nothing to merge, and files that are not reports', () => {
    expectUsage(() => mergeReports([]), /at least one JSON report/);
    expectUsage(() => fromJsonReport({ hello: 1 }, 'notes.json'), /notes\.json is not a JSON report of @identitycall\/conformance/);
    const old = JSON.parse(JSON.stringify(toJsonReport(whole))) as Record<string, unknown>;
    delete old.plan;
    expectUsage(() => fromJsonReport(old, 'old.json'), /old\.json has no plan/);
  });
});

describe('--allow-missing', () => {
  it('merges what is there; the missing cases are not checked, so the run is INCOMPLETE, not PASSED', async () => {
    // Dry-run shards read as if they had run: every case passed or was skipped by choice.
    const asRun = (input: ShardReportFile): ShardReportFile => ({ ...input, report: { ...input.report, dryRun: false } });
    const halves = await Promise.all(
      [1, 2].map(async (index) => asRun(viaJson(await runConformance({ ...base, shard: { index, count: 2 } }), `s${index}.json`))),
    );
    const both = mergeReports(halves);
    expect(both.outcome).toBe('passed');
    const one = mergeReports([halves[0]!], { allowMissing: true });
    expect(one.merged).toMatchObject({ count: 2, merged: [1], missing: [2] });
    expect(one.outcome).toBe('incomplete');
    expect(one.passed).toBe(false);
    expect(one.skips[0]).toMatchObject({ kind: 'missing-shard', deliberate: false, cases: both.counts.cases - one.counts.cases });
    expect(one.skips[0]!.cases).toBeGreaterThan(0);
    expect(mergeReports([halves[0]!], { allowMissing: true, allowIncomplete: true }).passed).toBe(true);
    // A failure still fails the run: a missing shard never hides one.
    const failing = structuredClone(halves[0]!);
    const c = failing.report.cases.find((r) => r.outcome === 'passed' && r.family !== 'setup')!;
    c.outcome = 'failed';
    c.failures = [{ check: 'status_code_conformance', message: 'answered 500' }];
    expect(mergeReports([failing], { allowMissing: true }).outcome).toBe('failed');
  }, 120_000);
});
