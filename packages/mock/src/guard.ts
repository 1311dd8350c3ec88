/**
 * The guard in front of Prism: Prism 5.14 never answers a request whose JSON body is malformed (the
 * connection hangs), so the guard reads each body first and answers bad input itself, in the API's
 * error envelope; everything else is passed to Prism untouched.
 */
import { loadSpec, uploadFormats } from '@identitycall/openapi';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Largest request body the guard accepts: the largest upload the spec's `x-upload-formats` allows. */
export const MAX_BODY_BYTES = Math.max(...uploadFormats(loadSpec()).map((f) => f.maxBytes));

/** How long Prism may take to answer before the guard gives up, in ms. */
export const UPSTREAM_TIMEOUT_MS = 30_000;

function sendError(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/** Returns why a JSON body cannot be parsed, or undefined when it can (or is empty). */
export function jsonSyntaxError(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  try {
    JSON.parse(body.toString('utf8'));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Creates the guard server forwarding to `upstream` (e.g. `http://127.0.0.1:4999`). */
export function createGuard(upstream: string): Server {
  const target = new URL(upstream);
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let rejected = false;
    req.on('data', (chunk: Buffer) => {
      if (rejected) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        rejected = true;
        sendError(res, 413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (rejected) return;
      const body = Buffer.concat(chunks);
      if (isJson(req)) {
        const problem = jsonSyntaxError(body);
        if (problem) {
          sendError(res, 400, `Malformed JSON in request body: ${problem}`);
          return;
        }
      }
      const headers = { ...req.headers, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const upstreamReq = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, timeout: UPSTREAM_TIMEOUT_MS },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      upstreamReq.on('timeout', () => {
        upstreamReq.destroy();
        if (!res.headersSent) sendError(res, 504, `The mock did not answer within ${UPSTREAM_TIMEOUT_MS} ms`);
      });
      upstreamReq.on('error', (error) => {
        if (!res.headersSent) sendError(res, 502, `The mock is unavailable: ${error.message}`);
        else res.destroy();
      });
      upstreamReq.end(body);
    });
  });
}
