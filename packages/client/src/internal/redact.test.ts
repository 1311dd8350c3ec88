/** `redact` on its own: every place the key can hide, and what it leaves alone. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

const KEY = 'idc_secretsecretsecretsecret0000000';
const seen = (value: unknown) => inspect(value, { depth: Infinity, showHidden: true });

describe('redact', () => {
  it.each<{ name: string; value: unknown; expected: unknown }>([
    { name: 'a string', value: `Bearer ${KEY}`, expected: 'Bearer [REDACTED]' },
    { name: 'a property value', value: { a: KEY }, expected: { a: '[REDACTED]' } },
    { name: 'a property name', value: { [KEY]: 1, [`x${KEY}x`]: 2 }, expected: { '[REDACTED]': 1, 'x[REDACTED]x': 2 } },
    { name: 'arrays in objects in arrays', value: [{ b: [KEY, 1, null] }], expected: [{ b: ['[REDACTED]', 1, null] }] },
    {
      name: 'Headers (as plain data)',
      value: { h: new Headers({ authorization: `Bearer ${KEY}`, accept: 'x' }) },
      expected: { h: { authorization: 'Bearer [REDACTED]', accept: 'x' } },
    },
    { name: 'a Map (as plain data)', value: new Map([['k', KEY]]), expected: { k: '[REDACTED]' } },
    {
      name: 'a `__proto__` key, kept as data',
      value: JSON.parse(`{"__proto__": {"x": "${KEY}"}}`) as unknown,
      expected: JSON.parse('{"__proto__": {"x": "[REDACTED]"}}') as unknown,
    },
  ])('masks $name', ({ value, expected }) => {
    const clean = redact(value, KEY);
    expect(clean).toEqual(expected);
    expect(seen(clean)).not.toContain(KEY);
  });

  it('keeps an error its class, name, cause and errors', () => {
    const inner = new RangeError(`inner ${KEY}`);
    const error = new AggregateError([inner], `outer ${KEY}`, { cause: new TypeError('plain') });
    const clean = redact(error, KEY);
    expect(clean).not.toBe(error);
    expect(clean).toBeInstanceOf(AggregateError);
    expect(clean.message).toBe('outer [REDACTED]');
    expect(clean.errors[0]).toBeInstanceOf(RangeError);
    expect((clean.errors[0] as Error).message).toBe('inner [REDACTED]');
    expect((clean.cause as Error).message).toBe('plain');
    expect(clean.stack).toContain('outer [REDACTED]');
    expect(seen(clean)).not.toContain(KEY);
  });

  it('rebuilds a DOMException, whose fields live in internal slots', () => {
    const clean = redact(new DOMException(`aborted ${KEY}`, 'AbortError'), KEY) as Error;
    expect(clean.name).toBe('AbortError');
    expect(clean.message).toBe('aborted [REDACTED]');
    expect(seen(clean)).not.toContain(KEY);
  });

  it('follows cycles', () => {
    const a: Record<string, unknown> = { k: KEY };
    a.self = a;
    const clean = redact(a, KEY) as Record<string, unknown>;
    expect(clean.k).toBe('[REDACTED]');
    expect(clean.self).toBe(clean);
  });

  it('cuts nesting deeper than it walks, without exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"${KEY}"${']'.repeat(100_000)}`) as unknown;
    const clean = redact(deep, KEY);
    expect(JSON.stringify(clean)).not.toContain(KEY);
    expect(JSON.stringify(clean)).toContain('[Truncated]');
  });

  it.each<{ name: string; value: unknown }>([
    { name: 'a value without the key', value: { a: ['b', { c: 1 }], d: new TypeError('x', { cause: { code: 'E' } }) } },
    { name: 'bytes', value: new TextEncoder().encode(KEY) },
    { name: 'a primitive', value: 42 },
    { name: 'anything, with no key to mask', value: KEY },
  ])('returns $name itself', ({ value }) => {
    expect(redact(value, value === KEY ? '' : KEY)).toBe(value);
  });
});
