/**
 * Sharding: one run's cases split across CI machines. The split is a pure function of the plan
 * (the spec and the selection options) and the number of shards — never of the machine, the clock
 * or the order cases finish in — so every machine computes the same split on its own. Each case is
 * one unit (a stateful flow is one case, so it stays whole). Setup and cleanup are shared: every
 * shard runs them (its cases need the resources setup creates, and what it creates it deletes), and
 * a merge counts each of them once.
 */
import { createHash } from 'node:crypto';
import type { Case, FixtureName } from './case.js';
import type { Family } from './results.js';

/** The families every shard runs (merged into one result by `merge`). */
export const SHARED_FAMILIES: readonly Family[] = ['setup', 'cleanup'];

/** Whether `c` runs in every shard. */
export const isShared = (c: Pick<Case, 'family'>): boolean => SHARED_FAMILIES.includes(c.family);

/**
 * A rough cost of a case in requests, to balance the shards: generated cases send `runs` requests
 * (more while shrinking), flows and behaviours several, the rest about one.
 */
export function caseWeight(c: Case, runs: number): number {
  switch (c.family) {
    case 'generated':
      return Math.max(1, runs);
    case 'flows':
      return 8;
    case 'behaviour':
      return 4;
    default:
      return 1;
  }
}

/** Whether `c` needs a virtual number (or buys something): such cases all go to shard 1. */
export function needsPurchase(c: Case): boolean {
  return [...(c.needs ?? []), ...(c.uses ?? [])].some((need) => need === 'number' || need === 'purchase');
}

/**
 * The cases of each shard, in plan order, shared cases included in every shard. The cases that need
 * a virtual number go to shard 1, so a split run buys at most one number, as a whole run does (the
 * API cannot release one). The others are dealt heaviest first (ties in plan order) to the shard
 * with the least weight so far (ties to the lowest index): deterministic, and balanced by estimated
 * requests rather than by count.
 */
export function splitCases(cases: readonly Case[], count: number, runs: number): Case[][] {
  const load = new Array<number>(count).fill(0);
  const owner = new Map<Case, number>();
  const own = cases.map((c, position) => ({ c, position, weight: caseWeight(c, runs) })).filter(({ c }) => !isShared(c));
  for (const { c, weight } of own.filter(({ c }) => needsPurchase(c))) {
    owner.set(c, 0);
    load[0]! += weight;
  }
  const rest = own.filter(({ c }) => !owner.has(c)).sort((a, b) => b.weight - a.weight || a.position - b.position);
  for (const { c, weight } of rest) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i]! < load[best]!) best = i;
    load[best]! += weight;
    owner.set(c, best);
  }
  return Array.from({ length: count }, (_, i) => cases.filter((c) => isShared(c) || owner.get(c) === i));
}

/** The fixtures the setup case must create for `cases` (what they need or use: a number only when one does). */
export function fixturesNeeded(cases: readonly Case[]): Set<FixtureName> {
  const needed = new Set<FixtureName>();
  const fixtures: readonly string[] = ['project', 'operator', 'number', 'recording'] satisfies FixtureName[];
  for (const c of cases)
    for (const need of [...(c.needs ?? []), ...(c.uses ?? [])]) if (fixtures.includes(need)) needed.add(need as FixtureName);
  return needed;
}

/** A short hash of the plan (the ids of every case, in order): equal plans, equal hashes. */
export function planHash(cases: readonly { id: string }[]): string {
  return createHash('sha256')
    .update(cases.map((c) => c.id).join('\n'))
    .digest('hex')
    .slice(0, 16);
}
