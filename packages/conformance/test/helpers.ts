/**
 * Shared test helpers: the compiled spec, a counting HTTP server for tests that must prove what was
 * (not) sent, exchanges built by hand for the check tests, and the built CLI as a child process.
 * Tests that need the sandbox or the mock live in `@identitycall/conformance-suites`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Exchange } from '../src/engine/exchange.js';
import { compiledSpec } from '../src/engine/spec.js';

/** The spec, compiled once. */
export const { validator, doc } = compiledSpec();

/** A request the counting server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

/** What the counting server answers; `hang` never answers (until the server stops). */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

/** A server on 127.0.0.1 (free port) that records every request and answers with `answer`. */
export async function startCountingServer(answer: (req: IncomingMessage) => Answer = () => ({ status: 200, body: '{"data":[]}' })) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: performance.now() });
    req.resume();
    req.on('end', () => {
      const a = answer(req);
      if (a.hang) return;
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/public`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An exchange built by hand: a GET /operators/42 answered 200 with Jane Doe unless overridden. */
export function exchangeOf(over: {
  status?: number;
  body?: unknown;
  contentType?: string | null;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  requestBody?: unknown;
  auth?: string | null;
  error?: string;
}): Exchange {
  const jane = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };
  const headers = new Headers(over.headers);
  if (over.contentType !== null) headers.set('content-type', over.contentType ?? 'application/json');
  const reqHeaders = new Headers({ 'content-type': 'application/json' });
  if (over.auth !== null) reqHeaders.set('authorization', over.auth ?? 'Bearer idc_x');
  const body = over.body === undefined ? { data: jane } : over.body;
  return {
    request: {
      method: over.method ?? 'GET',
      url: `http://x${over.path ?? '/operators/42'}`,
      path: over.path ?? '/operators/42',
      headers: reqHeaders,
      body: over.requestBody === undefined ? undefined : JSON.stringify(over.requestBody),
    },
    response: { status: over.status ?? 200, headers, text: body === '' ? '' : JSON.stringify(body), body: body === '' ? undefined : body },
    ...(over.error !== undefined && { error: over.error }),
  };
}

/** The built CLI. */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Runs the built CLI with `args` (and only `env` besides PATH) and waits for it to exit. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm run build\` in packages/conformance first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
