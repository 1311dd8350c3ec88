/**
 * Sends one case over a raw TCP socket, byte for byte (no HTTP client would send most of them),
 * and reads the answer with a small HTTP/1.1 response parser: status, headers, body, and whether
 * the server closed the connection. The body is streamed with backpressure and sending stops as
 * soon as the server has answered, so a server that refuses a huge upload early is not made
 * to read it all. Nothing here sleeps: every wait is for a socket event or the case's deadline.
 */
import { connect, type Socket } from 'node:net';
import type { Body, HttpSend, HostileCase, RawSend } from './case.js';

/** The server a case is sent to. */
export interface Target {
  /** e.g. `http://127.0.0.1:4010` */
  origin: string;
  /** The API's base path on that server, e.g. `/api/v1/public` (`''` for none). */
  basePath: string;
  /** The `Authorization` value the server accepts, for cases with `auth: true`. */
  authorization: string;
}

/** Options of {@link sendCase}. */
export interface SendOptions {
  /** How long the answer may take before the case counts as hung. @default 30000 */
  timeoutMs?: number;
  /** After a complete answer, how long to wait for the server to close the connection. @default 2000 */
  closeWaitMs?: number;
}

/** What came back. */
export interface CaseResult {
  /** The status of the final answer (1xx answers are skipped); undefined when none arrived. */
  status?: number;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body as text (UTF-8). */
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** The server closed the connection (within `closeWaitMs` of answering). */
  closed: boolean;
  /** No complete answer within `timeoutMs`. */
  hung: boolean;
  /** What went wrong on the connection, if anything (a reset while sending is normal after an early answer). */
  error?: string;
  /** Bytes of the request actually written. */
  bytesSent: number;
  elapsedMs: number;
}

const FILL_CHUNK = 64 * 1024;

/** The bytes of `body`, in pieces of at most `size`, generated lazily. */
export function* bodyPieces(body: Body | undefined, size = FILL_CHUNK): Generator<Buffer> {
  if (!body) return;
  if (body.kind === 'bytes') {
    for (let i = 0; i < body.bytes.length; i += size) yield Buffer.from(body.bytes.subarray(i, i + size));
    return;
  }
  const head = Buffer.from(body.head);
  const tail = Buffer.from(body.tail);
  let fill = body.totalBytes - head.length - tail.length;
  const block = Buffer.alloc(Math.min(size, FILL_CHUNK), body.fill);
  // The head and tail may be longer than `size`: cut them like the rest.
  for (let i = 0; i < head.length; i += size) yield head.subarray(i, i + size);
  while (fill > 0) {
    const n = Math.min(fill, block.length);
    yield n === block.length ? block : block.subarray(0, n);
    fill -= n;
  }
  for (let i = 0; i < tail.length; i += size) yield tail.subarray(i, i + size);
}

function hasHeader(headers: ReadonlyArray<[string, string]>, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** The request head (request line and headers) of an HTTP case. */
export function requestHead(target: Target, send: HttpSend): string {
  const url = new URL(target.origin);
  const path = send.absolute ? send.path : `${target.basePath}${send.path}`;
  const lines = [`${send.method} ${path} HTTP/1.1`];
  const headers: Array<[string, string]> = [...send.headers];
  if (!hasHeader(headers, 'host')) headers.unshift(['Host', url.host]);
  if (send.auth && !hasHeader(headers, 'authorization')) headers.push(['Authorization', target.authorization]);
  if (!hasHeader(headers, 'connection')) headers.push(['Connection', 'close']);
  const framing = send.framing ?? 'length';
  if (send.body && framing === 'length' && !hasHeader(headers, 'content-length'))
    headers.push(['Content-Length', String(send.body.kind === 'bytes' ? send.body.bytes.length : send.body.totalBytes)]);
  if (send.body && framing === 'chunked' && !hasHeader(headers, 'transfer-encoding')) headers.push(['Transfer-Encoding', 'chunked']);
  if (
    !send.body &&
    (send.method === 'POST' || send.method === 'PUT' || send.method === 'PATCH') &&
    !hasHeader(headers, 'content-length') &&
    !hasHeader(headers, 'transfer-encoding')
  ) {
    headers.push(['Content-Length', '0']);
  }
  for (const [n, v] of headers) lines.push(`${n}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Incremental HTTP/1.1 response parsing; `feed` returns true once the final answer is complete. */
class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0);
  private head: { status: number; headers: Record<string, string>; length?: number; chunked: boolean } | undefined;
  private body: Buffer[] = [];
  private bodyBytes = 0;
  status?: number;
  headers: Record<string, string> = {};
  done = false;

  constructor(private readonly noBody: boolean) {}

  feed(chunk: Buffer): boolean {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.head) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end === -1) return false;
        const lines = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
        this.buffer = this.buffer.subarray(end + 4);
        const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1]);
        const headers: Record<string, string> = {};
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          const name = line.slice(0, colon).trim().toLowerCase();
          const value = line.slice(colon + 1).trim();
          headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
        }
        // 1xx answers (100 Continue) come before the final one.
        if (status >= 100 && status < 200) continue;
        const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
        const noBody = this.noBody || status === 204 || status === 304;
        this.head = {
          status,
          headers,
          length: noBody ? 0 : length,
          chunked: !noBody && /chunked/i.test(headers['transfer-encoding'] ?? ''),
        };
        this.status = status;
        this.headers = headers;
      }
      return this.readBody();
    }
  }

  private readBody(): boolean {
    const head = this.head!;
    if (head.chunked) {
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n');
        if (lineEnd === -1) return false;
        const size = parseInt(this.buffer.subarray(0, lineEnd).toString('latin1'), 16);
        if (Number.isNaN(size)) return (this.done = true);
        if (size === 0) return (this.done = true);
        if (this.buffer.length < lineEnd + 2 + size + 2) return false;
        this.body.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        this.buffer = this.buffer.subarray(lineEnd + 2 + size + 2);
      }
    }
    if (head.length !== undefined) {
      const need = head.length - this.bodyBytes;
      const take = this.buffer.subarray(0, need);
      this.body.push(take);
      this.bodyBytes += take.length;
      this.buffer = this.buffer.subarray(take.length);
      return (this.done = this.bodyBytes >= head.length);
    }
    // No length: the body runs until the server closes the connection.
    this.body.push(this.buffer);
    this.buffer = Buffer.alloc(0);
    return false;
  }

  /** The connection ended: an answer without a length is complete now. */
  closed(): void {
    if (this.head && !this.head.chunked && this.head.length === undefined) this.done = true;
  }

  text(): string {
    return Buffer.concat(this.body).toString('utf8');
  }
}

function rawBytes(target: Target, send: RawSend): Buffer {
  if (typeof send.bytes !== 'string') return Buffer.from(send.bytes);
  return Buffer.from(send.bytes.replace(/\{host\}/g, new URL(target.origin).host).replace(/\{base\}/g, target.basePath), 'latin1');
}

/** Writes `piece`, resolving when it has gone to the kernel (false if the socket failed). */
function write(socket: Socket, piece: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed || !socket.writable) return resolve(false);
    socket.write(piece, (error) => resolve(!error));
  });
}

/**
 * Sends `c` to `target` and reads the answer.
 * Never throws for anything the server does; a failure to connect at all is reported in `error`.
 */
export function sendCase(target: Target, c: HostileCase | HostileCase['send'], options: SendOptions = {}): Promise<CaseResult> {
  const send = 'send' in c ? c.send : c;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const closeWaitMs = options.closeWaitMs ?? 2_000;
  const url = new URL(target.origin);
  const started = Date.now();
  const reader = new ResponseReader(send.kind === 'http' && send.method === 'HEAD');

  return new Promise((resolve) => {
    let bytesSent = 0;
    let error: string | undefined;
    let closed = false;
    let finished = false;
    let closeTimer: NodeJS.Timeout | undefined;
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);

    const finish = (hung: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearTimeout(closeTimer);
      socket.destroy();
      const body = reader.text();
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      resolve({
        status: reader.status,
        headers: reader.headers,
        body,
        ...(json !== undefined && { json }),
        closed,
        hung,
        ...(error !== undefined && { error }),
        bytesSent,
        elapsedMs: Date.now() - started,
      });
    };
    const answered = () => {
      // A complete answer: give the server a moment to close, as it should after `Connection: close`.
      if (closed) return finish(false);
      closeTimer ??= setTimeout(() => finish(false), closeWaitMs);
    };
    const deadline = setTimeout(() => {
      error ??= `no complete answer within ${timeoutMs} ms`;
      finish(true);
    }, timeoutMs);

    socket.on('data', (chunk: Buffer) => {
      if (!reader.done && reader.feed(chunk)) answered();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', () => {
      closed = true;
      reader.closed();
      if (reader.done) return finish(false);
      error ??=
        reader.status === undefined
          ? 'the server closed the connection without an answer'
          : 'the server closed the connection in the middle of its answer';
      finish(false);
    });
    socket.once('connect', () => {
      void (async () => {
        if (send.kind === 'raw') {
          const bytes = rawBytes(target, send);
          if (await write(socket, bytes)) bytesSent += bytes.length;
          return;
        }
        const headBytes = Buffer.from(requestHead(target, send), 'latin1');
        if (!(await write(socket, headBytes))) return;
        bytesSent += headBytes.length;
        const chunked = (send.framing ?? 'length') === 'chunked';
        for (const piece of bodyPieces(send.body, send.chunkBytes)) {
          // The server has answered (or gone): sending the rest would only be refused. Ending
          // our side tells a server that lingers to read the rest that nothing more comes.
          if (reader.done || closed) {
            if (!closed) socket.end();
            return;
          }
          const framed = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
          if (!(await write(socket, framed))) return;
          bytesSent += piece.length;
        }
        if (chunked && send.body) await write(socket, Buffer.from('0\r\n\r\n'));
      })();
    });
  });
}
