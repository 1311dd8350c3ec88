/**
 * One case as a server's test suite runs it: send the case, judge the answer, require a refusal in
 * the documented envelope, then send the good request and judge that too — so a case that kills
 * the server, or leaves it unable to answer, fails here rather than in whatever runs next.
 */
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
