/**
 * The corpus of spec pairs (`src/testing/corpus.ts`): every pair gets its expected verdict, and the
 * catch and false-alarm rates against the common reading are measured and printed.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS, type CorpusPair } from '../testing/corpus.js';
import { diffDocs } from '../testing/helpers.js';
import { SEVERITIES, type Severity } from './types.js';

/** The highest level among the non-documentation changes of a pair; `non-breaking` when none. */
function verdict(pair: CorpusPair): Severity {
  const levels = new Set(
    diffDocs(pair.base, pair.head)
      .changes.filter((c) => c.family !== 'documentation')
      .map((c) => c.severity),
  );
  return SEVERITIES.find((s) => levels.has(s)) ?? 'non-breaking';
}

describe('corpus of spec pairs', () => {
  it.each(CORPUS)('$name: $expected', (pair) => {
    expect(verdict(pair)).toBe(pair.expected);
  });

  it('catches every breaking pair of the common reading and raises no unexplained alarm', () => {
    const rows = CORPUS.map((pair) => ({ pair, got: verdict(pair), common: pair.common ?? pair.expected }));
    const commonBreaking = rows.filter((r) => r.common === 'breaking');
    const commonSafe = rows.filter((r) => r.common !== 'breaking');
    const caught = commonBreaking.filter((r) => r.got === 'breaking');
    const alarms = commonSafe.filter((r) => r.got === 'breaking');
    const explained = alarms.filter((r) => r.pair.common !== undefined);
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    console.info(
      `corpus: ${rows.length} pairs; caught ${caught.length}/${commonBreaking.length} breaking (${pct(caught.length, commonBreaking.length)}); ` +
        `breaking verdict on ${alarms.length}/${commonSafe.length} pairs the common reading calls safe or possibly breaking ` +
        `(${pct(alarms.length, commonSafe.length)}), ${explained.length} of them deliberate (README rule table); ` +
        `${rows.filter((r) => r.got === 'possibly-breaking').length} possibly breaking.`,
    );
    expect(caught.map((r) => r.pair.name)).toEqual(commonBreaking.map((r) => r.pair.name));
    expect(alarms.filter((r) => r.pair.common === undefined).map((r) => r.pair.name)).toEqual([]);
  });
});
