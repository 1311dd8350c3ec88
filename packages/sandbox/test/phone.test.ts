/** Phone normalisation (default region and overrides). */
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../src/index.js';
import { useSandbox } from './helpers.js';

describe('normalizePhone', () => {
  it.each([
    { input: '+15551234567', region: undefined, out: '+15551234567' },
    { input: '(415) 555-0199', region: undefined, out: '+14155550199' },
    { input: '415.555.0199', region: undefined, out: '+14155550199' },
    { input: '8 600 12345', region: 'LT', out: '+37060012345' },
    { input: '060012345', region: 'LT', out: '+37060012345' },
    { input: '020 7946 0958', region: 'GB', out: '+442079460958' },
    { input: 'abc', region: undefined, out: undefined },
    { input: '555-1234', region: undefined, out: undefined },
    { input: '+1 415 555 0199 call me', region: undefined, out: undefined },
    { input: '9'.repeat(200), region: undefined, out: undefined },
  ])('$input ($region) → $out', ({ input, region, out }) => {
    expect(normalizePhone(input, region)).toBe(out);
  });
});

describe('phoneRegion option', () => {
  const { api } = useSandbox({ phoneRegion: 'LT' });

  it('reads local formats in the configured region', async () => {
    const res = await api().patch('/operators/12', { phone_number: '8 600 99999' });
    expect(res.body.data.phone_number).toBe('+37060099999');
  });
});
