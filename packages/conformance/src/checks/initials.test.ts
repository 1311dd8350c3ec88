/**
 * The initials oracle follows DECISIONS.md B22: its whole table, read from the spec package's copy of
 * DECISIONS.md (so the table and the test cannot drift apart), and the edges of each step.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials.js';

/** B22 as the spec package ships it, from its title to the next decision. */
const b22 = (() => {
  const decisions = join(dirname(createRequire(import.meta.url).resolve('@identitycall/openapi/package.json')), 'DECISIONS.md');
  const text = readFileSync(decisions, 'utf8');
  return text.slice(text.indexOf('**B22.'), text.indexOf('**B23.'));
})();

/** The rows of B22's table, and their name → initials pairs (two per row). */
const rows = b22.split('\n').filter((line) => /^\|\s*`/.test(line));
const table = rows.flatMap((row) =>
  [...row.matchAll(/`([^`]*)`\s*\|\s*`([^`]*)`/g)].map(([, name, initials]) => ({ name: name!, initials: initials! })),
);

describe('initialsOf (DECISIONS.md B22)', () => {
  it('reads every row of the table', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(table).toHaveLength(rows.length * 2);
  });

  it.each(table)('$name → $initials', ({ name, initials }) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it.each([
    { rule: 'white space of any kind splits words', name: 'Jane\tQ.\u00a0Doe', initials: 'JD' },
    { rule: 'a name without letters has no initials', name: '007 — 42', initials: '' },
    { rule: 'an empty name has no initials', name: '   ', initials: '' },
    { rule: 'letters of any script count', name: 'Дмитрий Иванов', initials: 'ДИ' },
    { rule: 'a one-letter name gives one letter', name: 'Q', initials: 'Q' },
    { rule: 'upper-casing follows no locale (i stays I, not İ)', name: 'ilona ivanova', initials: 'II' },
  ])('$rule: "$name" → "$initials"', ({ name, initials }) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
