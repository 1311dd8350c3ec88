/**
 * The guard in front of Prism: a node:http server that checks every request in stages and answers
 * bad input itself, in the API's error envelope, so Prism only ever sees requests it handles:
 *
 * 1. target (`route.ts`): length, percent-escapes, base path, documented path and method;
 * 2. headers (`headers.ts`): bearer credentials, then path values, query (`query.ts`), `Prefer`;
 * 3. body: `Content-Type`, then JSON (`body.ts`) or a streamed upload (`upload.ts`, `multipart.ts`);
 * 4. forward (`forward.ts`) to the supervised Prism, or 503 while it restarts.
 *
 * Server limits (timeouts, connection cap, parser errors) are set up in `limits.ts`.
 */
import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SpecFacts } from '../facts.js';
import type { Upstream } from '../prism/supervisor.js';
import { ClientGone, discardBody, hasBody, readJsonBody } from './body.js';
import { GuardError, sendError } from './errors.js';
import { forward, type UpstreamLink } from './forward.js';
import { checkAuthorization, checkContentType, checkPrefer } from './headers.js';
import { applyServerLimits, DEFAULT_LIMITS, serverOptions, type GuardLimits } from './limits.js';
import { checkQuery } from './query.js';
import { buildRoutes, checkPathParams, resolveRoute } from './route.js';
import { readUpload } from './upload.js';

/** Options of {@link createGuard}. */
export interface GuardOptions {
  facts: SpecFacts;
  /** Where requests go now (the supervisor's answer). */
  upstream: () => Upstream;
  /** Told when Prism fails a request. */
  suspect?: () => void;
  limits?: Partial<GuardLimits>;
  /** Where log lines go. @default a line on stderr */
  log?: (line: string) => void;
}

/** A guard server (not yet listening) and what it holds open. */
export interface Guard {
  server: Server;
  limits: GuardLimits;
  /** Connections open now (for tests of the connection cap). */
  openConnections(): number;
  /** Closes the upstream connections the guard keeps. */
  dispose(): void;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Answers `error`. When the client is still sending a body the guard will not read, the answer is
 * sent at once but the connection is closed only after the body ends or `lingerMs` pass, reading
 * and dropping what arrives: closing at once would make the kernel reset the connection, and a
 * reset can destroy the answer before the client reads it.
 */
function refuse(req: IncomingMessage, res: ServerResponse, error: GuardError, lingerMs: number): void {
  const unread = !req.complete && hasBody(req);
  if (!unread || req.destroyed) {
    sendError(res, unread ? new GuardError(error.status, error.message, error.headers, true) : error);
    return;
  }
  const closing = new GuardError(error.status, error.message, error.headers, true);
  let timer: NodeJS.Timeout | undefined;
  const end = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  req.once('end', end);
  req.once('close', end);
  timer = setTimeout(end, lingerMs);
  req.resume();
  sendError(res, closing, { end: false });
}

/** Creates the guard server. */
export function createGuard(options: GuardOptions): Guard {
  const { facts } = options;
  const limits: GuardLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const routes = buildRoutes(facts);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const link: UpstreamLink = {
    upstream: options.upstream,
    suspect: options.suspect ?? (() => undefined),
    agent,
    timeoutMs: limits.upstreamTimeoutMs,
    log,
  };

  async function handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): Promise<void> {
    const method = req.method ?? 'GET';
    // Node's own check would answer without a body; this one answers in the envelope.
    const hosts = req.headersDistinct.host?.length ?? 0;
    if (req.httpVersion === '1.1' && hosts === 0)
      throw new GuardError(400, 'Malformed HTTP request: an HTTP/1.1 request needs a Host header', {}, true);
    if (hosts > 1) throw new GuardError(400, 'Malformed HTTP request: it has more than one Host header', {}, true);
    const match = resolveRoute(facts, routes, method, req.url ?? '/', req.headers);
    const op = match.operation;
    const headers: IncomingHttpHeaders = { ...req.headers };
    if (match.preflight) {
      if (hasBody(req)) await discardBody(facts, req);
      forward(link, req, res, { method, path: match.upstreamPath, headers });
      return;
    }
    checkAuthorization(facts, op, single(req.headers.authorization));
    checkPathParams(facts, match);
    const search = checkQuery(facts, op, match.rawQuery);
    const prefer = checkPrefer(op, single(req.headers.prefer));
    if (prefer === undefined) delete headers.prefer;
    else headers.prefer = prefer;

    let body: string | Buffer | undefined;
    if (hasBody(req)) {
      if (op.requestBody) {
        const kind = checkContentType(op, single(req.headers['content-type']));
        if (expectsContinue) res.writeContinue();
        if (kind.kind === 'multipart') {
          const form = await readUpload(facts, req, kind.boundary);
          body = form.body;
          headers['content-type'] = form.contentType;
        } else {
          body = await readJsonBody(facts, req);
        }
      } else {
        if (expectsContinue) res.writeContinue();
        await discardBody(facts, req);
        delete headers['content-type'];
      }
    } else if (op.requestBody?.content.some((m) => m.contentType === 'multipart/form-data')) {
      // An upload without a body has no file: the documented answer, not Prism's first 422 example.
      throw new GuardError(400, facts.upload.fileRequired);
    }
    if (body === undefined || body.length === 0) {
      body = undefined;
      delete headers['content-type'];
    }
    forward(link, req, res, { method, path: `${match.upstreamPath}${search}`, headers, body });
  }

  const server = createServer({ ...serverOptions(limits), requireHostHeader: false });
  const { openConnections, isRefused } = applyServerLimits(server, limits);
  const onRequest = (expectsContinue: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    if (isRefused(req.socket)) {
      req.socket.destroy();
      return;
    }
    handle(req, res, expectsContinue).catch((error: unknown) => {
      if (error instanceof ClientGone) {
        res.destroy();
      } else if (error instanceof GuardError) {
        refuse(req, res, error, limits.lingerMs);
      } else {
        // A bug in the guard: say so, in the envelope, and keep serving.
        log(`identitycall-mock: the guard failed on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
        refuse(req, res, new GuardError(500, `The mock's guard failed: ${(error as Error).message}`), limits.lingerMs);
      }
    });
  };
  server.on('request', onRequest(false));
  server.on('checkContinue', onRequest(true));
  return { server, limits, openConnections, dispose: () => agent.destroy() };
}
