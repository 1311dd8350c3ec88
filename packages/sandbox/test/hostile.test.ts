/**
 * The shared hostile-input corpus (`@identitycall/hostile-inputs`, derived from the spec) and its
 * seeded fuzzers against the sandbox: every case is answered as the corpus requires — a documented
 * 4xx in the envelope, never a 5xx, never a hang — and a good request still works after each. The
 * sandbox's own bad-input tests add what only a stateful server can promise (nothing half applied).
 */
import {
  aliveCase,
  cases,
  envelopeMessages,
  judge,
  multipartFuzzArbitrary,
  operationFuzzCases,
  sendCase,
  viewOf,
  type HostileCase,
  type Target,
} from '@identitycall/hostile-inputs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS, spec, useSandbox } from './helpers.js';

const { sandbox } = useSandbox();
const view = viewOf(spec);
const alive = aliveCase(spec);
let target: Target;
beforeAll(() => {
  const url = new URL(sandbox().url);
  target = { origin: url.origin, basePath: url.pathname.replace(/\/$/, ''), authorization: `Bearer ${KEYS.full}` };
});

/** A fixed seed, so a failure replays; IDENTITYCALL_SEED picks another. */
const SEED = Number.isSafeInteger(Number(process.env.IDENTITYCALL_SEED)) ? Number(process.env.IDENTITYCALL_SEED) : 20_261_202;

/** Sends `c`, then a good request; returns the problems of both (the sandbox refuses in the envelope). */
async function check(c: HostileCase): Promise<string[]> {
  const result = await sendCase(target, c, { timeoutMs: 60_000 });
  const problems = judge(c, result);
  if (result.status !== undefined && result.status >= 400 && typeof envelopeMessages(result) === 'string') {
    problems.push(`the sandbox answered ${result.status} outside the envelope: ${envelopeMessages(result)}`);
  }
  for (const p of judge(alive, await sendCase(target, alive, { timeoutMs: 60_000 })))
    problems.push(`afterwards, the good request failed: ${p}`);
  return problems;
}

// Uploads over the largest limits (up to 500 MiB) would dominate the run; the 100 MiB formats' are kept.
const corpus = cases(spec, { maxBodyBytes: 120 * 1024 * 1024 });

describe('the hostile-input corpus', () => {
  it.each(corpus.map((c) => ({ id: c.id, c })))(
    '$id',
    async ({ c }) => {
      expect(await check(c)).toEqual([]);
    },
    120_000,
  );
});

describe('fuzzing', () => {
  it('answers fuzzed uploads without a 5xx, in the envelope, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(multipartFuzzArbitrary(view), async (c) => {
        const problems = await check(c);
        if (problems.length) throw new Error(`${c.title}: ${problems.join('; ')}`);
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 600_000);

  it.each(operationFuzzCases(view, { seed: SEED, perOperation: 10 }).map((c, i) => ({ name: `${i} ${c.title}`, c })))(
    '$name',
    async ({ c }) => {
      expect(await check(c)).toEqual([]);
    },
    120_000,
  );
});
