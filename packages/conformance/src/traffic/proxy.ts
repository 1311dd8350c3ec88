/**
 * The validating proxy: a reverse proxy in front of one IdentityCall deployment (staging, the
 * sandbox) that forwards every request and every response as they are — method, path, query,
 * headers, body bytes, streamed both ways — and checks each exchange against the spec on the side
 * (`traffic/check.ts`). It never changes or holds back traffic: a check that throws is counted as
 * "not checked", and only a target that cannot be reached gets an answer of the proxy's own (502).
 * @see ../../README.md#validating-proxy
 */
import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { UsageError } from '../errors.js';
import { parseBody, pathBelow, type Exchange } from '../engine/exchange.js';
import type { ConformanceReport } from '../report/model.js';
import type { Secrets } from '../report/redact.js';
import { createTrafficChecker, specBasePath, type TrafficStats, type Violation } from './check.js';

/** Bytes of each body kept for checking by default (what is over it is forwarded, not checked). */
export const DEFAULT_CAPTURE_BYTES = 16 * 1024 * 1024;

/** The header the proxy's own answers carry (a 502 when the target cannot be reached). */
export const PROXY_HEADER = 'x-identitycall-conformance-proxy';

/** Options of {@link startProxy}. */
export interface ProxyOptions {
  /** The base URL of the API to forward to, with its base path (e.g. `http://127.0.0.1:4011/api/v1/public`). */
  target: string;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** `done` resolves once this many exchanges have been seen. */
  maxRequests?: number;
  /** Keys to keep out of every output (keys sent in `Authorization` headers are hidden anyway). */
  secrets?: Secrets;
  /** Bytes of each request and response body kept for checking. @default 16 MiB */
  captureBytes?: number;
  /** Called for each failed check, as soon as the exchange is checked (messages already redacted). */
  onViolation?: (violation: Violation) => void;
  /** Called after each exchange was checked (or counted). */
  onExchange?: (stats: Readonly<TrafficStats>) => void;
}

/** A running proxy. */
export interface ValidatingProxy {
  /** Where clients send requests instead of the target: the proxy's origin and the target's base path. */
  url: string;
  /** The proxy's origin (`http://127.0.0.1:<port>`). */
  origin: string;
  port: number;
  /** The target's base URL. */
  target: string;
  /** What was seen so far. */
  readonly stats: Readonly<TrafficStats>;
  /** Every failed check so far. */
  readonly violations: readonly Violation[];
  /** Resolves once `maxRequests` exchanges have been seen (never, without `maxRequests`). */
  done: Promise<void>;
  /** The report so far, as a conformance run's. */
  report(): ConformanceReport;
  /** `text` with every key seen so far (in any Authorization header) or given replaced: for reports written at the end. */
  redact(text: string): string;
  /** Stops listening, waits for the exchanges in flight, and resolves to the final report. */
  stop(): Promise<ConformanceReport>;
}

/** Hop-by-hop headers (RFC 9110, 7.6.1): they belong to one connection and are not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

/** `rawHeaders` without hop-by-hop headers (and those `Connection` names) or the named ones, as [name, value] pairs. */
function forwardable(raw: readonly string[], drop: readonly string[] = []): Array<[string, string]> {
  const named = new Set(drop);
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'connection') for (const n of raw[i + 1]!.split(',')) named.add(n.trim().toLowerCase());
  }
  const out: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) out.push([raw[i]!, raw[i + 1]!]);
  }
  return out;
}

/** Keeps the first `limit` bytes of a stream's chunks and counts them all. */
class Tap {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  bytes = 0;
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.kept >= this.limit) return;
    const part = chunk.length > this.limit - this.kept ? chunk.subarray(0, this.limit - this.kept) : chunk;
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
  }
  get whole(): boolean {
    return this.kept === this.bytes;
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The text of a captured body, decoded from its `Content-Encoding`; undefined when it cannot be. */
function decodedText(bytes: Buffer, encoding: string | undefined, limit: number): string | undefined {
  const e = (encoding ?? '').trim().toLowerCase();
  try {
    const plain =
      e === '' || e === 'identity'
        ? bytes
        : e === 'gzip' || e === 'x-gzip'
          ? gunzipSync(bytes, { maxOutputLength: limit })
          : e === 'deflate'
            ? inflateSync(bytes, { maxOutputLength: limit })
            : e === 'br'
              ? brotliDecompressSync(bytes, { maxOutputLength: limit })
              : undefined;
    return plain === undefined ? undefined : new TextDecoder('utf-8', { fatal: false }).decode(plain);
  } catch {
    return undefined;
  }
}

function headersOf(pairs: ReadonlyArray<readonly [string, string]>): Headers {
  const headers = new Headers();
  for (const [k, v] of pairs) headers.append(k, v);
  return headers;
}

/**
 * Starts a validating proxy in front of `options.target`. Resolves once it listens.
 * @throws UsageError for a target that is not an http(s) URL.
 */
export async function startProxy(options: ProxyOptions): Promise<ValidatingProxy> {
  let target: URL;
  try {
    target = new URL(options.target);
  } catch {
    throw new UsageError(`--target must be the API's base URL (e.g. http://127.0.0.1:4011${specBasePath()}), got "${options.target}"`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new UsageError(`--target must be an http or https URL, got "${options.target}"`);
  if (target.username || target.password) throw new UsageError('--target must not carry a user name or password');
  const basePath = target.pathname.replace(/\/+$/, '');
  const targetBase = `${target.origin}${basePath}`;
  const limit = options.captureBytes ?? DEFAULT_CAPTURE_BYTES;
  const checker = createTrafficChecker({ baseUrl: targetBase, basePath, secrets: options.secrets });
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let reachedLimit: () => void = () => {};
  const done = new Promise<void>((resolve) => (reachedLimit = resolve));

  /** Counts a finished exchange: checks it (unless outside the base path) and reports. */
  const finish = (
    build: () => { exchange: Exchange; inside: boolean; requestBytes: number; requestWhole: boolean; responseWhole: boolean },
  ) => {
    // After the response went out: checking never delays the client.
    setImmediate(() => {
      let violations: Violation[] = [];
      try {
        const { exchange, inside, requestBytes, requestWhole, responseWhole } = build();
        if (inside)
          violations = checker.add(exchange, { requestBytes, requestBodyComplete: requestWhole, responseBodyComplete: responseWhole });
        else checker.addOutside();
      } catch (e) {
        // Building the exchange failed (a header the Fetch API refuses): counted, never thrown.
        checker.addUnchecked(`the exchange could not be read: ${(e as Error)?.message ?? String(e)}`);
      }
      for (const v of violations) {
        try {
          options.onViolation?.(v);
        } catch {
          // A listener's mistake must not stop the proxy.
        }
      }
      try {
        options.onExchange?.(checker.stats);
      } catch {
        // As above.
      }
      if (options.maxRequests !== undefined && checker.stats.exchanges >= options.maxRequests) reachedLimit();
      inFlight--;
      if (inFlight === 0) idle?.();
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    const started = performance.now();
    const raw = req.url ?? '/';
    // Origin-form (`/api/…`) as clients send to a server; absolute-form if a client treats us as a forward proxy.
    const pathAndQuery = raw.startsWith('/')
      ? raw
      : (() => {
          try {
            const u = new URL(raw);
            return `${u.pathname}${u.search}`;
          } catch {
            return `/${raw}`;
          }
        })();
    const url = new URL(`${target.origin}${pathAndQuery.replace(/^\/+/, '/')}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const requestPairs = forwardable(req.rawHeaders, ['host']);
    const outgoing: string[] = ['Host', target.host];
    for (const [k, v] of requestPairs) outgoing.push(k, v);
    const hasLength = requestPairs.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k));
    // Node would send a body-less POST/PUT/PATCH as chunked; say it is empty as the client did.
    if (!hasLength && !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'].includes(method)) outgoing.push('Content-Length', '0');
    const requestTap = new Tap(limit);
    const responseTap = new Tap(limit);
    let status = 0;
    let responsePairs: Array<[string, string]> = [];
    let failure: string | undefined;
    let finished = false;

    const complete = () => {
      if (finished) return;
      finished = true;
      const inside = basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      finish(() => {
        const requestHeaders = headersOf(requestPairs);
        const responseHeaders = headersOf(responsePairs);
        const requestText = requestTap.bytes === 0 ? undefined : new TextDecoder('utf-8', { fatal: false }).decode(requestTap.buffer());
        const text =
          failure === undefined ? decodedText(responseTap.buffer(), responseHeaders.get('content-encoding') ?? undefined, limit) : '';
        const exchange: Exchange = {
          request: { method, url: url.href, path: pathBelow(url.href, basePath), headers: requestHeaders, body: requestText },
          response: {
            status,
            headers: responseHeaders,
            text: text ?? '',
            body: parseBody(text ?? '', responseHeaders.get('content-type')),
          },
          ...(failure !== undefined && { error: failure }),
          durationMs: performance.now() - started,
        };
        return {
          exchange,
          inside,
          requestBytes: requestTap.bytes,
          requestWhole: requestTap.whole,
          responseWhole: failure !== undefined || (responseTap.whole && text !== undefined),
        };
      });
    };

    const upstream = send(url, { method, headers: outgoing as unknown as OutgoingHttpHeaders, setHost: false });
    upstream.on('response', (up) => {
      status = up.statusCode ?? 0;
      responsePairs = forwardable(up.rawHeaders);
      const flat: string[] = [];
      for (const [k, v] of responsePairs) flat.push(k, v);
      res.sendDate = false;
      try {
        res.writeHead(status, up.statusMessage, flat);
      } catch (e) {
        failure = `the target's response could not be passed on: ${(e as Error).message}`;
        up.destroy();
        res.destroy();
        complete();
        return;
      }
      up.on('data', (chunk: Buffer) => responseTap.push(chunk));
      up.on('end', complete);
      up.on('error', (e) => {
        failure = `the target's response broke off: ${e.message}`;
        res.destroy();
        complete();
      });
      up.pipe(res);
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      failure = `the target ${targetBase} did not answer: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim();
      if (!res.headersSent) {
        const body = JSON.stringify({ error: `identitycall-conformance proxy: ${failure}` });
        res.writeHead(502, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [PROXY_HEADER]: 'target-unreachable',
        });
        res.end(body);
      } else res.destroy();
      req.resume();
      complete();
    });
    req.on('data', (chunk: Buffer) => requestTap.push(chunk));
    req.pipe(upstream);
    // The client went away before the answer was complete: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) {
        upstream.destroy();
        if (failure === undefined) failure = 'the client closed the connection before the response was complete';
        complete();
      }
    });
  };

  const server = createServer({ requestTimeout: 0 }, handle);
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostName}:${address.port}`;
  let stopping: Promise<ConformanceReport> | undefined;
  return {
    url: `${origin}${basePath}`,
    origin,
    port: address.port,
    target: targetBase,
    get stats() {
      return checker.stats;
    },
    get violations() {
      return checker.violations;
    },
    done,
    report: () => checker.report(),
    redact: (text) => checker.redact(text),
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
        server.closeAllConnections();
        await closed;
        return checker.report();
      })();
      return stopping;
    },
  };
}
