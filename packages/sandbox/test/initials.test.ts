/**
 * `initials`: the rule of spec/DECISIONS.md B22, checked against every example of B22's table,
 * and further names (scripts, spacing, names without letters).
 */
import { describe, expect, it } from 'vitest';
import { initialsOf } from '../src/index.js';

describe('initialsOf follows DECISIONS.md B22', () => {
  // B22's table, row by row (the decision's own examples).
  it.each([
    { name: 'Jane Doe', out: 'JD' },
    { name: 'Jane Q. Doe', out: 'JD' },
    { name: 'Aldona Petrauskaitė', out: 'AP' },
    { name: 'Operator', out: 'OP' },
    { name: "O'Neil", out: 'ON' },
    { name: "Mary O'Neil", out: 'MO' },
    { name: 'Jean-Luc Picard', out: 'JP' },
    { name: 'Jean-Luc', out: 'JE' },
    { name: 'Ąžuolas Žemaitis', out: 'ĄŽ' },
    { name: 'Agent 007', out: 'AG' },
  ])('$name → $out', ({ name, out }) => {
    expect(initialsOf(name)).toBe(out);
  });
});

describe('initialsOf on other names', () => {
  it.each([
    { name: 'Jane Doe', out: 'JD' },
    { name: 'Aldona Petrauskaitė', out: 'AP' },
    { name: 'Jane Q. Doe', out: 'JD' },
    { name: '  marcus   chen  ', out: 'MC' },
    { name: 'Operator', out: 'OP' },
    { name: 'Łukasz Żółć', out: 'ŁŻ' },
    { name: 'ölçek ığdır', out: 'ÖI' },
    { name: '李 小龍', out: '李小' },
    { name: '42', out: '' },
    { name: '--- !!!', out: '' },
    { name: 'Jane\tDoe\n', out: 'JD' },
    { name: 'E\u0301lise Dupont', out: 'ÉD' },
    { name: 'ilse işık', out: 'II' },
  ])('$name → $out', ({ name, out }) => {
    expect(initialsOf(name)).toBe(out);
  });
});
