/**
 * One case as a server's test suite runs it: send the case, judge the answer, require a refusal in
 * the documented envelope, then send the good request and judge that too — so a case that kills
 * the server, or leaves it unable to answer, fails here rather than in whatever runs next.
 */
import fc from 'fast-check';
import type { HostileCase } from './case.js';
import { envelopeMessages, judge } from './judge.js';
import { type CaseResult, sendCase, type Target } from './runner.js';

/** Options of {@link checkCase}. */
export interface CheckOptions {
  /** How long each answer may take before it counts as hung. @default 60000 */
  timeoutMs?: number;
  /** Who answered, for the messages. @default "the server" */
  label?: string;
}

/** What {@link checkCase} found: the problems in words (none means it passed) and the answer. */
export interface CheckResult {
  problems: string[];
  result: CaseResult;
}

/**
 * Sends `c` to `target`, then `alive` (from `aliveCase(doc)`); returns every problem of both: the
 * case's own expectations, an answer of 400 or more outside the envelope, and a good request that
 * no longer succeeds afterwards.
 */
export async function checkCase(target: Target, c: HostileCase, alive: HostileCase, options: CheckOptions = {}): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const label = options.label ?? 'the server';
  const result = await sendCase(target, c, { timeoutMs });
  const problems = judge(c, result);
  if (result.status !== undefined && result.status >= 400) {
    const messages = envelopeMessages(result);
    if (typeof messages === 'string') problems.push(`${label} answered ${result.status} outside the envelope: ${messages}`);
  }
  for (const p of judge(alive, await sendCase(target, alive, { timeoutMs }))) problems.push(`afterwards, the good request failed: ${p}`);
  return { problems, result };
}

/**
 * Sends `numRuns` seeded fuzzed cases from `arbitrary` through `check` (e.g. {@link checkCase}
 * bound to a server) and throws when any case has problems: the message names the case (shrunk by
 * fast-check to a small one), its problems, and the seed and path that replay it.
 */
export async function assertFuzzed(
  arbitrary: fc.Arbitrary<HostileCase>,
  check: (c: HostileCase) => Promise<string[]>,
  { seed, numRuns }: { seed: number; numRuns: number },
): Promise<void> {
  let failure: string | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (c) => {
      const problems = await check(c);
      if (problems.length) failure = `${c.title}: ${problems.join('; ')}`;
      return problems.length === 0;
    }),
    { seed, numRuns },
  );
  if (details.failed) {
    // Shrinking ends on the smallest case that still failed: the last failure recorded is its.
    const why = failure ?? String(details.errorInstance);
    throw new Error(`${why} (replay with seed ${details.seed}, path "${details.counterexamplePath ?? ''}")`);
  }
}
