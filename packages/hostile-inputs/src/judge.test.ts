/** Judging answers: the shared rules (an answer, in time, no 5xx) and each expectation field. */
import { describe, expect, it } from 'vitest';
import { envelopeMessages, judgeExpectation, type CaseResult, type Expectation } from './index.js';

const answer = (status: number | undefined, body: unknown, extra: Partial<CaseResult> = {}): CaseResult => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: text,
    ...(json !== undefined && { json }),
    closed: true,
    hung: false,
    bytesSent: 10,
    elapsedMs: 1,
    ...extra,
  };
};
const envelope: Expectation = { envelope: true };

describe('judgeExpectation', () => {
  it.each([
    { name: 'a documented 4xx', expect: { statuses: [400], envelope: true }, result: answer(400, { error: 'bad' }), problems: [] },
    { name: 'a success where any non-5xx will do', expect: envelope, result: answer(200, { data: 1 }), problems: [] },
    { name: 'the errors envelope', expect: envelope, result: answer(422, { errors: ['a', 'b'] }), problems: [] },
    { name: 'a 5xx', expect: envelope, result: answer(503, { error: 'down' }), problems: [/answered 503 \(a server error\)/] },
    {
      name: 'another status',
      expect: { statuses: [404], envelope: true },
      result: answer(400, { error: 'x' }),
      problems: [/answered 400, expected 404/],
    },
    {
      name: 'a forbidden status',
      expect: { forbidden: [413], envelope: true },
      result: answer(413, { error: 'x' }),
      problems: [/which this case rules out/],
    },
    { name: 'no envelope', expect: envelope, result: answer(400, { message: 'x' }), problems: [/not the envelope/] },
    { name: 'an empty error', expect: envelope, result: answer(400, { error: '' }), problems: [/not the envelope/] },
    {
      name: 'a body that is not JSON',
      expect: envelope,
      result: answer(400, 'Bad Request', { headers: { 'content-type': 'text/plain' } }),
      problems: [/not JSON \(Content-Type text\/plain\)/],
    },
    { name: 'no envelope where none is asked', expect: { envelope: false }, result: answer(400, '', { headers: {} }), problems: [] },
    {
      name: 'an undocumented message',
      expect: { envelope: true, messages: ['A', 'B'] },
      result: answer(401, { error: 'C' }),
      problems: [/message "C" is not the documented "A" or "B"/],
    },
    { name: 'a documented message', expect: { envelope: true, messages: ['A', 'B'] }, result: answer(401, { error: 'B' }), problems: [] },
    {
      name: 'a message off the pattern',
      expect: { envelope: true, messagePattern: 'json' },
      result: answer(400, { error: 'bad body' }),
      problems: [/does not match \/json\/i/],
    },
    {
      name: 'a message on the pattern',
      expect: { envelope: true, messagePattern: 'json' },
      result: answer(400, { error: 'Malformed JSON' }),
      problems: [],
    },
    {
      name: 'a connection left open',
      expect: { envelope: false, closes: true },
      result: answer(400, '', { closed: false }),
      problems: [/left open/],
    },
    {
      name: 'a hang',
      expect: envelope,
      result: answer(undefined, '', { hung: true, error: 'no complete answer within 5 ms' }),
      problems: [/^hung: no complete answer within 5 ms$/],
    },
    {
      name: 'no answer at all',
      expect: envelope,
      result: answer(undefined, '', { error: 'the server closed the connection without an answer' }),
      problems: [/^no answer: the server closed/],
    },
  ])('$name', ({ expect: expectation, result, problems }) => {
    const found = judgeExpectation(expectation as Expectation, result);
    expect(found).toHaveLength(problems.length);
    problems.forEach((p, i) => expect(found[i]).toMatch(p));
  });
});

describe('envelopeMessages', () => {
  it('reads the messages of either envelope', () => {
    expect(envelopeMessages(answer(400, { error: 'a' }))).toEqual(['a']);
    expect(envelopeMessages(answer(422, { errors: ['a', 'b'] }))).toEqual(['a', 'b']);
    expect(envelopeMessages(answer(422, { errors: [] }))).toMatch(/not the envelope/);
    expect(envelopeMessages(answer(422, [{ error: 'a' }]))).toMatch(/not the envelope/);
  });
});
