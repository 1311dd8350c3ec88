/**
 * Passing a checked request to Prism and its answer back. Prism's own `application/problem+json`
 * errors (which the guard's checks should leave no room for) are rewritten into the API's
 * envelope; a Prism that is down or silent gives 503 with `Retry-After`, never a hung client.
 */
import { type Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Upstream } from '../prism/supervisor.js';
import { CORS_HEADERS, GuardError, sendError } from './errors.js';

/** Headers that describe one connection and are not passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'host',
  'content-length',
]);

/** What to send upstream. */
export interface UpstreamRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body?: Buffer | string;
}

/** What the guard needs to know about the upstream. */
export interface UpstreamLink {
  upstream(): Upstream;
  /** Called when Prism failed a request (no answer, reset): the supervisor checks it at once. */
  suspect(): void;
  agent: Agent;
  timeoutMs: number;
  log(line: string): void;
}

/** The 503 for an unavailable upstream. */
export function unavailable(state: Exclude<Upstream, { url: string }>): GuardError {
  const retry = state.retryAfterSeconds;
  return new GuardError(
    503,
    retry === undefined ? state.unavailable : `${state.unavailable}; retry in ${retry} s`,
    retry === undefined ? {} : { 'retry-after': String(retry) },
  );
}

function problemMessage(text: string): string {
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; validation?: Array<{ message?: string }> };
    const details = (problem.validation ?? []).map((v) => v.message).filter(Boolean);
    return [problem.title, details.length ? details.join('; ') : problem.detail].filter(Boolean).join(': ') || text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

/** Sends `up` to Prism and streams the answer to `res`. */
export function forward(link: UpstreamLink, req: IncomingMessage, res: ServerResponse, up: UpstreamRequest): void {
  const state = link.upstream();
  if (!('url' in state)) {
    sendError(res, unavailable(state));
    return;
  }
  const target = new URL(state.url);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(up.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  headers.host = target.host;
  headers['content-length'] = String(up.body === undefined ? 0 : Buffer.byteLength(up.body));

  const upstreamReq = request({
    host: target.hostname,
    port: target.port,
    method: up.method,
    path: up.path,
    headers,
    agent: link.agent,
    timeout: link.timeoutMs,
  });
  const failed = (why: string) => {
    link.suspect();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const now = link.upstream();
    const state503 = 'url' in now ? { unavailable: `Prism did not answer (${why})`, retryAfterSeconds: 1 } : now;
    sendError(res, unavailable(state503));
  };
  upstreamReq.on('timeout', () => upstreamReq.destroy(new Error(`no answer within ${link.timeoutMs} ms`)));
  upstreamReq.on('error', (error) => failed(error.message));
  // A client that goes away takes its upstream request with it.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  upstreamReq.on('response', (upstreamRes) => {
    const status = upstreamRes.statusCode ?? 502;
    const type = String(upstreamRes.headers['content-type'] ?? '');
    if (/^application\/problem\+json/i.test(type)) {
      // Prism's own error (not from the spec): read it (small) and say it in the envelope.
      let text = '';
      upstreamRes.setEncoding('utf8');
      upstreamRes.on('data', (c: string) => {
        if (text.length < 64 * 1024) text += c;
      });
      upstreamRes.on('end', () => {
        const message = problemMessage(text);
        link.log(`identitycall-mock: Prism answered ${req.method} ${up.path} with its own ${status}: ${message}`);
        // A Prism failure on a request the guard let through is still an answer to bad input, never a 5xx.
        sendError(res, new GuardError(status >= 500 ? 400 : status, `The mock could not answer this request: ${message}`));
      });
      upstreamRes.on('error', () => failed('the answer was cut off'));
      return;
    }
    const out: Record<string, string | string[]> = { ...CORS_HEADERS };
    for (const [name, value] of Object.entries(upstreamRes.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'content-length') out[name] = value;
    }
    if (upstreamRes.headers['content-length'] !== undefined) out['content-length'] = upstreamRes.headers['content-length'];
    res.writeHead(status, out);
    upstreamRes.pipe(res);
    upstreamRes.on('error', () => res.destroy());
  });
  upstreamReq.end(up.body);
}
