/**
 * Shared test helpers: a mock per test file, a raw-socket client (the hostile-inputs runner), a
 * poll that waits for a condition with a generous deadline (never a fixed sleep), and stand-in
 * upstream servers for the guard and the supervisor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sendCase, type HostileCase, type Target } from '@identitycall/hostile-inputs';
import { afterAll, beforeAll } from 'vitest';
import { startMock, type MockOptions, type RunningMock } from '../src/index.js';

/** A well-formed key (the mock checks the form of a bearer token, not which keys exist). */
export const KEY = 'idc_abcdefghijklmnopqrstuvwxyz012345';
export const AUTH = { Authorization: `Bearer ${KEY}` };

/** Prism takes seconds to start on a loaded machine: hooks that start one get this long. */
export const START_TIMEOUT_MS = 180_000;

/** Starts a mock before the file's tests and stops it after them. */
export function useMock(options: MockOptions = {}): () => RunningMock {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMock({ port: 0, ...options });
  }, START_TIMEOUT_MS);
  afterAll(() => mock?.stop(), 60_000);
  return () => {
    if (!mock) throw new Error('the mock did not start');
    return mock;
  };
}

/** The runner's target for a mock. */
export function targetOf(mock: Pick<RunningMock, 'origin' | 'basePath'>): Target {
  return { origin: mock.origin, basePath: mock.basePath, authorization: `Bearer ${KEY}` };
}

/** Sends a hostile-inputs request description (or a whole case) over a raw socket. */
export function send(mock: Pick<RunningMock, 'origin' | 'basePath'>, c: HostileCase | HostileCase['send'], timeoutMs = 30_000) {
  return sendCase(targetOf(mock), c, { timeoutMs });
}

/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` in the message. For waiting on things that have no event (a port answering again).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 120_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A local HTTP server answering every request with `handler`; resolves once it listens. */
export async function localServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Opens a TCP connection and resolves once it is connected. */
export async function openSocket(origin: string): Promise<Socket> {
  const url = new URL(origin);
  const socket = connect(Number(url.port), url.hostname);
  await once(socket, 'connect');
  return socket;
}

/** Resolves with everything a socket received once it closes (rejects after `timeoutMs`). */
export function untilClosed(socket: Socket, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    const timer = setTimeout(
      () => reject(new Error(`the socket was not closed within ${timeoutMs} ms; received ${JSON.stringify(data.slice(0, 200))}`)),
      timeoutMs,
    );
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** Path of the built CLI. */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Runs the built CLI; `output()` is what it printed so far. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}
