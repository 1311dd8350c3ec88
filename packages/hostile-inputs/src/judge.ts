/**
 * Judges an answer against a case: the case's own expectation plus the rules every case shares
 * (an answer, before the deadline, never a 5xx). Returns the problems in words; none means it passed.
 */
import type { Expectation, HostileCase } from './case.js';
import type { CaseResult } from './runner.js';

/** The messages of an error body in the envelope, or why it is not the envelope. */
export function envelopeMessages(result: Pick<CaseResult, 'json' | 'body' | 'headers'>): string[] | string {
  const type = result.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    return `the answer is not JSON (Content-Type ${type || 'missing'}): ${JSON.stringify(result.body.slice(0, 120))}`;
  const body = result.json as { error?: unknown; errors?: unknown } | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    if (typeof body.error === 'string' && body.error !== '') return [body.error];
    if (Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e === 'string' && e !== ''))
      return body.errors as string[];
  }
  return `the body is not the envelope {"error": "…"} or {"errors": ["…"]}: ${JSON.stringify(result.body.slice(0, 120))}`;
}

/** The problems of `result` for a case expecting `expect`; empty when it passed. */
export function judgeExpectation(expect: Expectation, result: CaseResult): string[] {
  if (result.hung) return [`hung: ${result.error ?? 'no complete answer in time'}`];
  if (result.status === undefined) return [`no answer: ${result.error ?? 'the connection ended'}`];
  const problems: string[] = [];
  const status = result.status;
  if (status >= 500) problems.push(`answered ${status} (a server error): ${result.body.slice(0, 200)}`);
  if (expect.statuses && !expect.statuses.includes(status))
    problems.push(`answered ${status}, expected ${expect.statuses.join(' or ')}: ${result.body.slice(0, 200)}`);
  if (expect.forbidden?.includes(status)) problems.push(`answered ${status}, which this case rules out: ${result.body.slice(0, 200)}`);
  if (status >= 400 && (expect.envelope || expect.messages || expect.messagePattern)) {
    const messages = envelopeMessages(result);
    if (typeof messages === 'string') {
      if (expect.envelope) problems.push(messages);
    } else {
      if (expect.messages && !messages.some((m) => expect.messages!.includes(m))) {
        problems.push(
          `message ${JSON.stringify(messages.join('; '))} is not the documented ${expect.messages.map((m) => JSON.stringify(m)).join(' or ')}`,
        );
      }
      if (expect.messagePattern && !messages.some((m) => new RegExp(expect.messagePattern!, 'i').test(m))) {
        problems.push(`message ${JSON.stringify(messages.join('; '))} does not match /${expect.messagePattern}/i`);
      }
    }
  }
  if (expect.closes && !result.closed) problems.push('the connection was left open after the answer');
  return problems;
}

/** The problems of `result` for `c`; empty when it passed. */
export function judge(c: HostileCase, result: CaseResult): string[] {
  return judgeExpectation(c.expect, result);
}
