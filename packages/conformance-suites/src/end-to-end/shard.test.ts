/**
 * A run split in shards, against real targets: the shards of a run cover every case exactly once,
 * and two shards merged (through their JSON reports, as `identitycall-conformance merge` reads
 * them) give the verdict and the case count of one run — against the sandbox (the shards one after
 * the other on one sandbox, as machines with a sandbox each would see it) and against the Prism
 * mock (side by side: it keeps no state).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCaseFailures,
  fromJsonReport,
  MOCK_API_KEY,
  mergeReports,
  runConformance,
  toHtmlReport,
  toJsonReport,
  type ConformanceOptions,
  type ConformanceReport,
  type ShardReportFile,
} from '@identitycall/conformance';
import { startMock, type RunningMock } from '@identitycall/mock';
import { startSandbox, type Sandbox } from '@identitycall/sandbox';
import { sandboxRun } from '../../test/helpers.js';

/** The report as `merge` reads it back from the file a shard wrote with --json. */
function asFile(report: ConformanceReport, file: string, options: ConformanceOptions): ShardReportFile {
  const secrets = { 'api-key': options.apiKey, 'read-only-key': options.readOnlyKey, 'project-key': options.projectKey };
  return { file, report: fromJsonReport(JSON.parse(JSON.stringify(toJsonReport(report, secrets))), file) };
}

/**
 * Runs the whole run and, beside it, every shard of `count` (one after the other when
 * `oneAtATime`: shards on one stateful target at once can see each other's resources).
 */
async function shardsAndWhole(wholeOptions: ConformanceOptions, shardOptions: ConformanceOptions, count: number, oneAtATime: boolean) {
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  const runShard = (index: number) => runConformance({ ...shardOptions, shard: { index, count } });
  const shardRuns = async () => {
    if (!oneAtATime) return Promise.all(indexes.map(runShard));
    const out: ConformanceReport[] = [];
    for (const index of indexes) out.push(await runShard(index));
    return out;
  };
  const [whole, shards] = await Promise.all([runConformance(wholeOptions), shardRuns()]);
  return { whole, shards: shards.map((r, i) => asFile(r, `shard-${i + 1}.json`, shardOptions)) };
}

/** What one run and its merged shards must agree on. */
function expectSameRun(merged: ConformanceReport, whole: ConformanceReport): void {
  // The failed cases and the checks that failed in them (ids and ports differ between targets).
  const failures = (r: ConformanceReport) =>
    r.cases.filter((c) => c.outcome === 'failed').map((c) => `${c.id}: ${[...new Set(c.failures.map((f) => f.check))].sort().join(', ')}`);
  const shown = (r: ConformanceReport) => r.cases.map((c) => formatCaseFailures(c)).join('\n\n');
  expect(failures(merged), shown(merged)).toEqual(failures(whole));
  expect(merged.outcome).toBe(whole.outcome);
  expect(merged.passed).toBe(whole.passed);
  expect(merged.counts.cases).toBe(whole.counts.cases);
  expect(merged.cases.map((c) => c.id)).toEqual(whole.cases.map((c) => c.id));
  expect(merged.cases.map((c) => [c.id, c.outcome])).toEqual(whole.cases.map((c) => [c.id, c.outcome]));
  expect(merged.checks.map((c) => [c.name, c.status])).toEqual(whole.checks.map((c) => [c.name, c.status]));
}

describe('against the sandbox', () => {
  let wholeTarget: Sandbox;
  let shardTarget: Sandbox;
  let whole: ConformanceReport;
  let shards: ShardReportFile[];
  let options: ConformanceOptions;

  beforeAll(async () => {
    [wholeTarget, shardTarget] = await Promise.all([
      startSandbox({ port: 0, onError: () => {} }),
      startSandbox({ port: 0, onError: () => {} }),
    ]);
    options = sandboxRun(shardTarget);
    ({ whole, shards } = await shardsAndWhole(sandboxRun(wholeTarget), options, 2, true));
  }, 600_000);
  afterAll(async () => {
    await wholeTarget?.stop();
    await shardTarget?.stop();
  });

  it('each shard ran only its share, and together they ran every case exactly once', () => {
    const own = shards.flatMap((s) => s.report.cases.filter((c) => c.family !== 'setup' && c.family !== 'cleanup').map((c) => c.id));
    expect(new Set(own).size).toBe(own.length);
    expect(own.length + 2).toBe(whole.counts.cases);
    for (const { report } of shards) {
      expect(report.counts.cases).toBeLessThan(whole.counts.cases);
      expect(report.cases[0]?.id).toBe('setup');
      expect(report.cases.at(-1)?.id).toBe('cleanup');
    }
  });

  it('two shards merged give the verdict and case count of one run: PASSED, every case', () => {
    const merged = mergeReports(shards);
    expect(whole.outcome).toBe('passed');
    expectSameRun(merged, whole);
    expect(merged.counts).toEqual(whole.counts);
    // Shard 2 needs no number, so the split run bought no more numbers than the whole run did.
    expect(merged.leftBehind.map((r) => r.kind)).toEqual(whole.leftBehind.map((r) => r.kind));
  });

  it("renders the merged report as HTML without the run's keys", () => {
    const html = toHtmlReport(mergeReports(shards));
    expect(html).toContain('data-outcome="passed"');
    expect(html).toContain(`data-count="cases">${whole.counts.cases}</td>`);
    for (const key of [options.apiKey, options.readOnlyKey!, options.projectKey!]) expect(html).not.toContain(key);
  });

  it('a sandbox with a fault: the merged shards fail like the whole run, on the same cases', async () => {
    const start = () => startSandbox({ port: 0, faults: ['wrong-not-found-message'], onError: () => {} });
    const [forWhole, forShards] = await Promise.all([start(), start()]);
    try {
      const families: ConformanceOptions['families'] = ['flows', 'scope', 'negative'];
      const run = await shardsAndWhole(sandboxRun(forWhole, { families }), sandboxRun(forShards, { families }), 2, true);
      expect(run.whole.outcome).toBe('failed');
      const merged = mergeReports(run.shards);
      expectSameRun(merged, run.whole);
      expect(merged.counts.failed).toBe(run.whole.counts.failed);
    } finally {
      await Promise.all([forWhole.stop(), forShards.stop()]);
    }
  }, 600_000);
});

describe('shards at the same time against one shared sandbox', () => {
  it("three shards on one account at once: no case fails on another shard's work, and every case is there", {
    timeout: 600_000,
  }, async () => {
    const [forWhole, shared] = await Promise.all([
      startSandbox({ port: 0, onError: () => {} }),
      startSandbox({ port: 0, onError: () => {} }),
    ]);
    try {
      const run = await shardsAndWhole(sandboxRun(forWhole, { seed: 7 }), sandboxRun(shared, { seed: 7 }), 3, false);
      const merged = mergeReports(run.shards);
      expect(run.whole.outcome).toBe('passed');
      expect(
        merged.cases
          .filter((c) => c.outcome === 'failed')
          .map((c) => formatCaseFailures(c))
          .join('\n\n'),
      ).toBe('');
      expect(merged.cases.map((c) => c.id)).toEqual(run.whole.cases.map((c) => c.id));
      // Only the walk over the whole account may find it never held still; that is not a pass
      // (INCOMPLETE), and it is never a failure.
      const notChecked = merged.cases.filter((c) => c.outcome === 'skipped' && c.skipKind === 'contention').map((c) => c.id);
      expect(
        notChecked.every((id) => id === 'behaviour/pagination-walk'),
        notChecked.join(', '),
      ).toBe(true);
      expect(merged.outcome).toBe(notChecked.length === 0 ? 'passed' : 'incomplete');
    } finally {
      await Promise.all([forWhole.stop(), shared.stop()]);
    }
  });
});

describe('against the Prism mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  }, 180_000);
  afterAll(() => mock?.stop());

  it('three shards merged give the verdict and case count of one run', async () => {
    const options: ConformanceOptions = { baseUrl: mock.url, apiKey: MOCK_API_KEY, allowPurchase: true, seed: 2, runs: 2 };
    const { whole, shards } = await shardsAndWhole(options, options, 3, false);
    const merged = mergeReports(shards);
    expectSameRun(merged, whole);
    expect(merged.target.keepsState).toBe(false);
  }, 600_000);
});
