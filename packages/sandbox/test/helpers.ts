/**
 * Shared test helpers: a sandbox per test file, an HTTP client that checks every response it
 * receives against the spec (the documented schema of the operation and status), so each test
 * also proves the sandbox answers in documented shapes, the built CLI as a child process, and raw
 * HTTP for what `fetch` will not send (a forged `Host`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createValidator, loadSpec, type OperationInfo } from '@identitycall/openapi';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

/** The seeded keys (fixtures/seed.json). */
export const KEYS = {
  full: 'idc_sandboxFullAccessxxxxxxxxxxxxxxx',
  readOnly: 'idc_sandboxReadOnlyxxxxxxxxxxxxxxxxx',
  noDelete: 'idc_sandboxNoDeletexxxxxxxxxxxxxxxxx',
  writeOnly: 'idc_sandboxWriteOnlyxxxxxxxxxxxxxxxx',
  none: 'idc_sandboxNoPermissionsxxxxxxxxxxxx',
  project42: 'idc_sandboxProject42xxxxxxxxxxxxxxxx',
  project42ReadOnly: 'idc_sandboxProject42ReadOnlyxxxxxxxx',
  project44: 'idc_sandboxProject44xxxxxxxxxxxxxxxx',
} as const;

export const spec = loadSpec();
export const validator = createValidator(spec);

const templates = validator.operations.map((op) => ({
  op,
  re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  literal: !op.path.includes('{'),
}));

/**
 * The spec operation for a method and a path under the base path. As OpenAPI matches paths, a
 * literal path wins over a templated one, and the method is then looked up on that path only.
 */
export function operationFor(method: string, path: string): OperationInfo | undefined {
  const pathname = path.split('?')[0]!;
  const hits = templates.filter((t) => t.re.test(pathname));
  const best = hits.find((t) => t.literal) ?? hits[0];
  return hits.find((t) => t.op.path === best?.op.path && t.op.method === method.toLowerCase())?.op;
}

/** One answer: status, headers and the parsed body (undefined when empty). */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Request options of {@link Api.call}. */
export interface CallOptions {
  key?: string | null;
  json?: unknown;
  rawBody?: string | Uint8Array;
  form?: FormData;
  headers?: Record<string, string>;
}

/**
 * Asserts that `answer` is documented for the request's operation. A request no operation takes (an
 * unknown path, an undocumented method) gets a 404 or 405 in the generic envelope; an operation
 * answers only statuses the spec documents for it, its HTTP-level refusals included (DECISIONS.md B25).
 */
export function expectDocumented(method: string, path: string, answer: Answer): void {
  const op = operationFor(method, path);
  const where = `${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status !== 204) expect(answer.headers.get('content-type'), where).toMatch(/^application\/json/);
  const documented = op ? validator.response(op.operationId, answer.status) : undefined;
  if (op && documented) {
    const result = validator.validateResponse(op.operationId, answer.status, answer.body);
    expect(result.errors, where).toEqual([]);
    return;
  }
  // Not a documented operation: a routing 404 or 405, in the generic envelope.
  // The generic envelope as the spec documents it for a 401 (whatever its component is named).
  const generic = validator.response(validator.operations[0]!.operationId, 401)!.content[0]!.schema!;
  expect(op, `undocumented status of ${op?.operationId}: ${where}`).toBeUndefined();
  expect(validator.validate(generic, answer.body).errors, where).toEqual([]);
}

/** A client bound to one sandbox. */
export class Api {
  constructor(
    readonly sandbox: Sandbox,
    readonly defaultKey: string = KEYS.full,
  ) {}

  /** Sends a request to `path` (under the base path) and checks the answer against the spec. */
  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const key = options.key === undefined ? this.defaultKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.rawBody !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = options.rawBody as BodyInit;
    } else if (options.form) {
      body = options.form;
    }
    const res = await fetch(`${this.sandbox.url}${path}`, { method, headers, body });
    const text = await res.text();
    const answer: Answer<T> = { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
    expectDocumented(method, path, answer);
    return answer;
  }

  get = <T = any>(path: string, options?: CallOptions) => this.call<T>('GET', path, options);
  post = <T = any>(path: string, json?: unknown, options?: CallOptions) => this.call<T>('POST', path, { ...options, json });
  patch = <T = any>(path: string, json?: unknown, options?: CallOptions) => this.call<T>('PATCH', path, { ...options, json });
  delete = <T = any>(path: string, options?: CallOptions) => this.call<T>('DELETE', path, options);
}

/**
 * Starts a sandbox (on a free port) for the enclosing test file and stops it afterwards.
 * `reset()` restores the seed; call it in `beforeEach` where tests change shared data.
 */
export function useSandbox(options: SandboxOptions = {}): { api: () => Api; sandbox: () => Sandbox } {
  let sandbox: Sandbox | undefined;
  let api: Api | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
    api = new Api(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  return {
    api: () => api!,
    sandbox: () => sandbox!,
  };
}

/**
 * A request to an admin route as a local tool sends it: a POST declares `Content-Type:
 * application/json`, which the admin routes require (a browser must then preflight it).
 */
export function admin(sandbox: Sandbox, path: string, method = 'POST', headers: Record<string, string> = {}): Promise<Response> {
  const json: Record<string, string> = method === 'POST' ? { 'content-type': 'application/json' } : {};
  return fetch(`${sandbox.origin}/__sandbox${path}`, { method, headers: { ...json, ...headers } });
}

/** A multipart upload body with an audio file of `size` bytes. */
export function uploadForm(fields: Record<string, string | number>, file?: { name: string; size?: number; type?: string }): FormData {
  const form = new FormData();
  if (file) {
    const bytes = new Uint8Array(file.size ?? 1024).fill(0x61);
    form.append('file', new Blob([bytes], { type: file.type ?? 'audio/mpeg' }), file.name);
  }
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  return form;
}

/** The built CLI (test/global-setup.ts builds it before the tests start). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A CLI started by {@link useCli}. */
export interface RunningCli {
  child: ChildProcess;
  /** The base URL it printed. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
}

/**
 * Starts CLIs for the enclosing test file and kills any still running afterwards. `startCli`
 * resolves once the CLI has printed its URL and keys, and rejects if it exits first; it sets no
 * timer of its own (the test's timeout is the limit for a hang).
 */
export function useCli(): {
  CLI: string;
  startCli: (args: string[], env?: Record<string, string>) => Promise<RunningCli>;
  kill: (child: ChildProcess) => Promise<void>;
} {
  const children = new Set<ChildProcess>();
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  const startCli = (args: string[], env: Record<string, string> = {}): Promise<RunningCli> => {
    const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let out = '';
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m && out.includes('API keys:')) resolve({ child, url: m[1]!, output: () => out });
      });
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
    });
  };
  const kill = (child: ChildProcess): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return { CLI, startCli, kill };
}

/** A raw answer: status, headers and the body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request with exactly the headers given (node:http, so `Host` and `Origin` can be forged as a
 * browser on another site, or a DNS-rebinding page, would send them).
 */
export function rawRequest(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        setHost: false,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Writes `bytes` (latin1) to a new connection to `origin` and resolves with everything the server
 * sent once it closes the connection: for requests no HTTP client will send (CONNECT, no `Host`,
 * two of them). No timer of its own: the test's timeout is the limit for a hang.
 */
export function rawExchange(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes, 'latin1'));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (data += d));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

/** The status, headers (lower-case names) and JSON body (UTF-8) of a raw HTTP/1.1 answer read as latin1. */
export function parseRawAnswer(text: string): { status: number; headers: Record<string, string>; json: unknown } {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const body = Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1]), headers, json: body === '' ? undefined : JSON.parse(body) };
}

/**
 * Resolves once `check` returns true, trying again every 50 ms; rejects after `deadlineMs`. For
 * states the test cannot observe as an event (the server's side of a closed connection).
 */
export async function eventually(what: string, check: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: still not true after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
