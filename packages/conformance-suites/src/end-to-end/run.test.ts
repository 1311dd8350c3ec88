/**
 * The engine against the sandbox: a correct server passes every check; the behaviour tier is
 * skipped against a stateless target; the request budget holds; generated requests are
 * reproducible from the seed and shrink on failure. (Each check against its fault: faults.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '@identitycall/sandbox';
import { NEED_REASONS, runConformance, type Exchange } from '@identitycall/conformance';
import { runWithFault, sandboxRun, useSandbox } from '../../test/helpers.js';

const sandbox = useSandbox();

describe('a correct server', () => {
  it('passes every check, and every check but the 429 header check is exercised', async () => {
    const report = await runConformance(sandboxRun(sandbox()));
    expect(report.cases.filter((c) => c.outcome === 'failed').map((c) => c.id)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.outcome).toBe('passed');
    const unexercised = report.checks.filter((c) => c.passed === 0).map((c) => c.name);
    expect(unexercised).toEqual(['response_headers_conformance']);
    expect(report.requests).toBeGreaterThan(report.counts.cases);
    expect(report.requestsPerSecond).toBeGreaterThan(0);
    // Only the purchased numbers stay: everything else the run created was deleted.
    expect(report.leftBehind.map((r) => r.kind)).toEqual(['virtual_numbers', 'virtual_numbers']);
  });
});

describe('targets and limits', () => {
  it('skips the behaviour tier with the reason against a stateless target', async () => {
    const report = await runConformance(sandboxRun(sandbox(), { stateless: true, families: ['behaviour', 'scope', 'permissions'] }));
    const behaviour = report.cases.filter((c) => c.tier === 'behaviour');
    expect(behaviour.length).toBeGreaterThan(0);
    for (const c of behaviour) expect([c.outcome, c.skipReason]).toEqual(['skipped', NEED_REASONS.stateful]);
    expect(report.checks.find((c) => c.name === 'partial_update')).toMatchObject({
      status: 'skipped',
      skipReasons: [NEED_REASONS.stateful],
    });
  });

  it('stops at --max-requests, skips the rest with the reason, and still cleans up', async () => {
    const report = await runConformance(sandboxRun(sandbox(), { maxRequests: 40 }));
    expect(report.stopped).toBe('request budget exhausted (--max-requests 40)');
    expect(report.outcome).toBe('incomplete');
    expect(report.cases.filter((c) => c.skipReason === report.stopped).length).toBeGreaterThan(report.counts.cases / 2);
    expect(report.cases.at(-1)).toMatchObject({ id: 'cleanup', outcome: 'passed' });
    expect(report.leftBehind.filter((r) => r.kind !== 'virtual_numbers')).toEqual([]);
    const budgeted = report.requests - report.cases.at(-1)!.requests;
    expect(budgeted).toBeLessThanOrEqual(40);
  });
});

describe('generated requests', () => {
  const bodiesOf = async (seed: number) => {
    const bodies: string[] = [];
    let current = '';
    const fresh = await startSandbox({ port: 0 });
    try {
      await runConformance(
        sandboxRun(fresh, {
          seed,
          runs: 6,
          families: ['generated'],
          onEvent: (e) => {
            if (e.type === 'case-start') current = e.id;
            if (e.type === 'exchange' && current === 'generated/createProject') bodies.push((e.exchange as Exchange).request.body ?? '');
          },
        }),
      );
    } finally {
      await fresh.stop();
    }
    return bodies;
  };

  it('are the same for the same seed, and differ for another', async () => {
    const [a, b, c] = [await bodiesOf(11), await bodiesOf(11), await bodiesOf(12)];
    expect(a).toHaveLength(6);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('shrink a failure to a minimal request, with what replays it', async () => {
    const report = await runWithFault('non-ascii-name-500', { families: ['generated'], runs: 30, seed: 3 });
    const failure = report.cases.find((c) => c.id === 'generated/createOperator')!.failures.find((f) => f.check === 'not_a_server_error')!;
    expect(failure.shrink).toBeDefined();
    const minimal = (failure.shrink!.minimal as { body: { name: string } }).body;
    const original = (failure.shrink!.original as { body: { name: string } }).body;
    expect(minimal.name).toMatch(/[^\x00-\x7F]/);
    expect(minimal.name.length).toBeLessThanOrEqual(original.name.length);
    expect(Object.keys(minimal).sort()).toEqual(['name', 'phone_number']);
    expect(failure.exchange?.response.status).toBe(500);
  });
});
