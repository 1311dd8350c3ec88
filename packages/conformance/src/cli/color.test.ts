/** Colour follows --no-color, FORCE_COLOR, NO_COLOR and whether the output is a terminal. */
import { describe, expect, it } from 'vitest';
import { useColor } from './color.js';

describe('useColor', () => {
  it.each([
    { name: 'a terminal', flag: true, env: {}, isTTY: true, color: true },
    { name: 'a pipe or a file (a CI log)', flag: true, env: {}, isTTY: false, color: false },
    { name: '--no-color on a terminal', flag: false, env: {}, isTTY: true, color: false },
    { name: '--no-color even with FORCE_COLOR', flag: false, env: { FORCE_COLOR: '1' }, isTTY: true, color: false },
    { name: 'NO_COLOR on a terminal', flag: true, env: { NO_COLOR: '1' }, isTTY: true, color: false },
    { name: 'an empty NO_COLOR on a terminal', flag: true, env: { NO_COLOR: '' }, isTTY: true, color: true },
    { name: 'TERM=dumb on a terminal', flag: true, env: { TERM: 'dumb' }, isTTY: true, color: false },
    { name: 'FORCE_COLOR on a pipe', flag: true, env: { FORCE_COLOR: '1' }, isTTY: false, color: true },
    { name: 'an empty FORCE_COLOR on a pipe', flag: true, env: { FORCE_COLOR: '' }, isTTY: false, color: true },
    { name: 'FORCE_COLOR over NO_COLOR (as in Node)', flag: true, env: { FORCE_COLOR: '3', NO_COLOR: '1' }, isTTY: false, color: true },
    { name: 'FORCE_COLOR=0 on a terminal', flag: true, env: { FORCE_COLOR: '0' }, isTTY: true, color: false },
    { name: 'FORCE_COLOR=false on a terminal', flag: true, env: { FORCE_COLOR: 'false' }, isTTY: true, color: false },
  ])('$name → colour: $color', ({ flag, env, isTTY, color }) => {
    expect(useColor({ flag, env, isTTY })).toBe(color);
  });
});
