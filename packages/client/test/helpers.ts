/**
 * Test helpers: a recording fetch that answers from a script, so tests see exactly what the
 * client sent (and when, on the fake clock) and control exactly what it receives; a local HTTP
 * server on a free port. Nothing is mocked inside the client.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { createIdentityCallClient, type ClientOptions, type IdentityCallClient } from '../src/index.js';

/** One request the client sent, read back in full. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  /** The body's bytes, for binary uploads. */
  bytes: Uint8Array | undefined;
  /** `Date.now()` when it was sent (the fake clock under fake timers). */
  at: number;
  signal: AbortSignal;
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
    const at = Date.now();
    const bytes = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
    sent.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: bytes && new TextDecoder().decode(bytes),
      bytes,
      at,
      signal: request.signal,
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('recordingFetch: no answer scripted');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer.clone();
  };
  return { fetch, sent };
}

/** An answer that never comes: it rejects only when the request's signal aborts (like a real fetch). */
export function never(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

export const TEST_KEY = 'idc_abcdefghijklmnopqrstuvwxyz012345';
export const BASE = 'https://api.example.test/api/v1/public';

/** A client on {@link BASE} with the test key, sending through `fetch`. */
export function testClient(fetch: (request: Request) => Promise<Response>, options: ClientOptions = {}): IdentityCallClient {
  return createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch, ...options });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Reads an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A local HTTP server on 127.0.0.1 and a free port; stop it in `afterAll`. */
export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts `handler` on a free port of 127.0.0.1. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs every fake timer until `promise` settles; resolves with its outcome (never rejects). */
export async function settle<T>(vi: { runAllTimersAsync(): Promise<unknown> }, promise: Promise<T>): Promise<{ value?: T; error?: Error }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

/** What a finished child process printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking the event loop (a local server in this process keeps answering
 * the child); rejects with the command, its exit code and what it printed when it fails.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout ?? 0, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as { code?: unknown }).code;
          reject(new Error(`${[command, ...args].join(' ')} failed (${String(code)}):\n${String(stderr)}\n${String(stdout)}`));
        } else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/**
 * The command that runs pnpm: the pnpm running this test when there is one, else the version the
 * root package.json pins (`packageManager`) through npx.
 */
export function pnpmCommand(): [string, string[]] {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(basename(exec))) return /\.[cm]?js$/.test(exec) ? [process.execPath, [exec]] : [exec, []];
  const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { packageManager?: string };
  if (!root.packageManager?.startsWith('pnpm@')) throw new Error('The root package.json names no pnpm version in packageManager.');
  return ['npx', ['-y', root.packageManager.split('+')[0]!]];
}
