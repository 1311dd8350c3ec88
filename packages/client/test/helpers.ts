/**
 * Test helpers: a recording fetch that answers from a script, so tests see exactly what the
 * client sent and control exactly what it receives. Nothing is mocked inside the client.
 */

/** One request the client sent, read back in full. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** A scripted answer: a Response, a function of the request, or an error to throw. */
export type Answer = Response | ((request: Request) => Response | Promise<Response>) | Error;

/** JSON response helper. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fetch that records every request and answers from `answers` in order (the last one repeats). */
export function recordingFetch(...answers: Answer[]) {
  const sent: SentRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    sent.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: request.body ? await request.clone().text() : undefined,
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('recordingFetch: no answer scripted');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer.clone();
  };
  return { fetch, sent };
}

export const TEST_KEY = 'idc_abcdefghijklmnopqrstuvwxyz012345';
export const BASE = 'https://api.example.test/api/v1/public';
