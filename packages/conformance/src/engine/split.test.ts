/**
 * The split of a run into shards: every case in exactly one shard (setup and cleanup in all), the
 * same split on every call, shards in plan order and balanced, and `--shard` input checked.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { createRun } from '../run.js';
import type { Case } from './case.js';
import { planCases } from './plan.js';
import { parseShard } from './shard.js';
import { caseWeight, fixturesNeeded, isShared, needsPurchase, planHash, splitCases } from './split.js';

const plan = planCases();
const RUNS = 20;

describe('--shard input', () => {
  it.each(['1/2', '2/2', ' 3 / 7 ', '1/1'])('accepts %j', (text) => {
    const [i, n] = text.split('/').map((s) => Number(s.trim()));
    expect(parseShard(text)).toEqual({ index: i, count: n });
  });

  it.each([
    ['0/2', /index must be between 1 and the count \(2\); got "0\/2" \(shards are numbered from 1\)/],
    ['3/2', /index must be between 1 and the count \(2\); got "3\/2"/],
    ['a/b', /--shard expects <index>\/<count>.*got "a\/b"/],
    ['1/0', /count must be between 1 and 1000; got "1\/0"/],
    ['1', /--shard expects <index>\/<count>/],
    ['-1/2', /--shard expects <index>\/<count>/],
    ['1.5/2', /--shard expects <index>\/<count>/],
    ['', /--shard expects <index>\/<count>/],
  ])('refuses %j with a usage error that says what is expected', (text, message) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(message);
  });

  it('refuses a shard given as data that is not one', () => {
    expect(() => createRun({ baseUrl: 'http://127.0.0.1:1', apiKey: 'idc_k', shard: { index: 0, count: 2 } })).toThrow(/index must be/);
    expect(() => createRun({ baseUrl: 'http://127.0.0.1:1', apiKey: 'idc_k', shard: { index: 1, count: 2.5 } })).toThrow(UsageError);
  });
});

describe('the split', () => {
  it.each([1, 2, 3, 4, 7, 16])('with %i shards covers every case exactly once (setup and cleanup in every shard)', (n) => {
    const shards = splitCases(plan, n, RUNS);
    expect(shards).toHaveLength(n);
    const seen = new Map<string, number>();
    for (const shard of shards) for (const c of shard) if (!isShared(c)) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
    const own = plan.filter((c) => !isShared(c));
    expect(seen.size).toBe(own.length);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    expect(new Set(seen.keys())).toEqual(new Set(own.map((c) => c.id)));
    for (const shard of shards) {
      expect(shard[0]?.id).toBe('setup');
      expect(shard.at(-1)?.id).toBe('cleanup');
      // In plan order, so a shard runs its families in the order a whole run does.
      const positions = shard.map((c) => plan.indexOf(c));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('is the same on every call, and from a fresh plan (nothing depends on the machine or the clock)', () => {
    const ids = (cases: Case[][]) => cases.map((s) => s.map((c) => c.id));
    expect(ids(splitCases(plan, 4, RUNS))).toEqual(ids(splitCases(planCases(), 4, RUNS)));
    expect(ids(splitCases([...plan], 4, RUNS))).toEqual(ids(splitCases(plan, 4, RUNS)));
  });

  it('keeps each flow whole: a flow is one case, in one shard', () => {
    const flows = plan.filter((c) => c.family === 'flows');
    expect(flows.length).toBeGreaterThan(0);
    const shards = splitCases(plan, 3, RUNS);
    for (const flow of flows) expect(shards.filter((s) => s.includes(flow))).toHaveLength(1);
  });

  it('balances the estimated requests: no shard is heavier than another by more than the heaviest case', () => {
    const weight = (cases: readonly Case[]) => cases.filter((c) => !isShared(c)).reduce((w, c) => w + caseWeight(c, RUNS), 0);
    const heaviest = Math.max(...plan.map((c) => caseWeight(c, RUNS)));
    const buyers = weight(plan.filter(needsPurchase));
    let fits = 0;
    for (const n of [2, 3, 4, 6, 8]) {
      const loads = splitCases(plan, n, RUNS).map(weight);
      expect(loads.reduce((a, b) => a + b, 0)).toBe(weight(plan));
      if (buyers <= weight(plan) / n) {
        // Shard 1 carries every case that needs a number; while they fit in its share, all shards balance.
        fits++;
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(heaviest);
      } else {
        // Beyond that, shard 1 holds the number cases and the other shards share the rest evenly.
        expect(loads[0]).toBeGreaterThanOrEqual(buyers);
        const others = loads.slice(1);
        expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(heaviest);
        expect(Math.min(...others)).toBeLessThanOrEqual(loads[0]!);
      }
    }
    expect(fits, 'two shards at least must balance fully').toBeGreaterThan(0);
  });

  it('puts every case that needs a virtual number in shard 1, so a split run buys at most one', () => {
    const buyers = plan.filter(needsPurchase);
    expect(buyers.length).toBeGreaterThan(0);
    for (const n of [2, 5, 16]) {
      const [first, ...others] = splitCases(plan, n, RUNS);
      for (const c of buyers) expect(first).toContain(c);
      for (const shard of others) expect(fixturesNeeded(shard).has('number')).toBe(false);
    }
  });

  it('more shards than cases leaves some shards with setup and cleanup only', () => {
    const small = plan.filter((c) => isShared(c) || c.family === 'flows');
    const shards = splitCases(small, small.length + 3, RUNS);
    expect(shards.filter((s) => s.length === 2)).toHaveLength(5);
  });

  it('a shard run plans only its cases, and its setup buys a number only when one of them needs it', () => {
    const options = { baseUrl: 'http://127.0.0.1:1', apiKey: 'idc_k', runs: RUNS };
    for (const index of [1, 2, 3]) {
      const run = createRun({ ...options, shard: { index, count: 3 } });
      expect(run.cases.map((c) => c.id)).toEqual(splitCases(plan, 3, RUNS)[index - 1]!.map((c) => c.id));
      expect(run.session.fixturesNeeded).toEqual(fixturesNeeded(run.cases));
    }
    expect(createRun(options).session.fixturesNeeded).toBeUndefined();
    expect(createRun({ ...options, shard: { index: 2, count: 3 } }).session.fixturesNeeded?.has('number')).toBe(false);
    expect(fixturesNeeded(plan)).toEqual(new Set(['project', 'operator', 'number', 'recording']));
  });

  it('the plan hash changes with the plan', () => {
    expect(planHash(plan)).toBe(planHash(planCases()));
    expect(planHash(planCases({ families: ['auth'] }))).not.toBe(planHash(plan));
  });
});
