/** The JUnit report's escaping (whole reports are tested against sandboxes in `@identitycall/conformance-suites`). */
import { describe, expect, it } from 'vitest';
import { xmlEscape } from './junit.js';

describe('reports of a failing run', () => {
  it('escapes what XML cannot carry', () => {
    expect(xmlEscape('a<b & "c"\u0000')).toBe('a&lt;b &amp; &quot;c&quot;');
  });
});
