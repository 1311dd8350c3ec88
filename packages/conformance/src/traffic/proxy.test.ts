/**
 * The validating proxy against small servers of the test's own (the sandbox runs are in
 * `@identitycall/conformance-suites`): what it forwards is what the client sent and what the
 * client gets is what the target answered, byte for byte; bodies stream both ways (never held in
 * full); an unreachable target gets the documented 502; a failing listener or check never breaks
 * forwarding; and the `proxy` subcommand writes its reports on SIGTERM or after --max-requests,
 * with keys redacted, and never calls nothing checked a pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../../test/helpers.js';
import { EXIT_CODES } from '../cli/exit.js';
import { PROXY_HEADER, startProxy, type ValidatingProxy } from './proxy.js';

const KEY = 'idc_proxySecretKey00000000000000000';
const servers: Server[] = [];
const proxies: ValidatingProxy[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
});

/** A target on 127.0.0.1 (free port) answering with `handler`; its base URL has the API's base path. */
async function startTarget(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/public`;
}

async function proxyFor(target: string, options: Partial<Parameters<typeof startProxy>[0]> = {}): Promise<ValidatingProxy> {
  const proxy = await startProxy({ target, ...options });
  proxies.push(proxy);
  return proxy;
}

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Everything a client sees of a response, but the Date header (it moves with the clock). */
async function seen(response: Response) {
  const headers = [...response.headers].filter(([k]) => k !== 'date');
  return { status: response.status, headers, body: sha(new Uint8Array(await response.arrayBuffer())) };
}

describe('forwarding', () => {
  it('passes requests and responses through unchanged: method, path, query, headers, body bytes', async () => {
    const received: Array<{ method?: string; url?: string; headers: Array<[string, string]>; body: string }> = [];
    const target = await startTarget((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          if (!/^(host|connection)$/i.test(req.rawHeaders[i]!)) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
        received.push({ method: req.method, url: req.url, headers, body: sha(Buffer.concat(chunks)) });
        // Not JSON, two Set-Cookie headers, a custom header, a status the spec does not document.
        res.writeHead(299, 'Odd', [
          'Content-Type',
          'text/x-odd',
          'Set-Cookie',
          'a=1',
          'Set-Cookie',
          'b=2',
          'X-Custom',
          'kept',
          'Content-Length',
          '9',
        ]);
        res.end('not json\u0000'.slice(0, 9));
      });
    });
    const proxy = await proxyFor(target);
    const binary = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const send = (base: string) =>
      fetch(`${base}/operators/42?x=1&y=%C3%A9`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/octet-stream', 'x-trace': 'abc' },
        body: binary,
      });
    const direct = await seen(await send(target));
    const proxied = await seen(await send(proxy.url));
    expect(proxied).toEqual(direct);
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
    expect(received[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/public/operators/42?x=1&y=%C3%A9', body: sha(binary) });
    await expect.poll(() => proxy.stats.checked, { timeout: 60_000 }).toBe(1);
    expect(proxy.violations.map((v) => v.check)).toEqual(expect.arrayContaining(['request_conformance', 'status_code_conformance']));
    expect(JSON.stringify(proxy.violations)).not.toContain(KEY);
  });

  it('streams a large upload to the target before the client has sent it all, and keeps only a bounded part', async () => {
    let firstChunk: () => void = () => {};
    const targetHasStarted = new Promise<void>((resolve) => (firstChunk = resolve));
    let total = 0;
    const hash = createHash('sha256');
    const target = await startTarget((req, res) => {
      req.on('data', (c: Buffer) => {
        total += c.length;
        hash.update(c);
        firstChunk();
      });
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received: total, sha256: hash.digest('hex') }));
      });
    });
    const proxy = await proxyFor(target, { captureBytes: 64 * 1024 });
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const chunks = 32;
    const sent = createHash('sha256');
    let n = 0;
    // The rest of the body is sent only once the target holds the first part: a proxy that
    // buffered the whole request would never send it on, and this request would not finish.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (n === 0) {
          n++;
          sent.update(chunk);
          controller.enqueue(chunk);
          return;
        }
        await targetHasStarted;
        if (n++ < chunks) {
          sent.update(chunk);
          controller.enqueue(chunk);
        } else controller.close();
      },
    });
    const response = await fetch(`${proxy.url}/recordings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toEqual({ received: chunks * chunk.length, sha256: sent.digest('hex') });
    await expect.poll(() => proxy.stats.checked, { timeout: 60_000 }).toBe(1);
    const report = await proxy.stop();
    const kept = report.cases.flatMap((c) => c.failures).map((f) => f.exchange?.request.body?.length ?? 0);
    for (const length of kept) expect(length).toBeLessThanOrEqual(64 * 1024);
  });

  it('streams a large response to the client before the target has sent it all', async () => {
    let clientHasStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (clientHasStarted = resolve));
    const part = Buffer.alloc(1024 * 1024, 0x62);
    const target = await startTarget((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(part);
      void started.then(async () => {
        for (let i = 0; i < 15; i++) if (!res.write(part)) await new Promise((r) => res.once('drain', r));
        res.end();
      });
    });
    const proxy = await proxyFor(target, { captureBytes: 64 * 1024 });
    const response = await fetch(`${proxy.url}/operators`, { headers: { authorization: `Bearer ${KEY}` } });
    const reader = response.body!.getReader();
    let received = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      received += r.value.length;
      clientHasStarted();
    }
    expect(received).toBe(16 * part.length);
    await expect.poll(() => proxy.stats.checked, { timeout: 60_000 }).toBe(1);
    // The body was never seen whole, so its schema was not checked, and the report says so.
    expect(proxy.stats.partial).toBe(1);
    expect(proxy.report().skips.map((s) => s.kind)).toContain('other');
  });

  it('answers 502 with the documented header and an error body when the target cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = await proxyFor(`http://127.0.0.1:${port}/api/v1/public`);
    const response = await fetch(`${proxy.url}/operators`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(502);
    expect(response.headers.get(PROXY_HEADER)).toBe('target-unreachable');
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain(`the target http://127.0.0.1:${port}/api/v1/public did not answer`);
    await expect.poll(() => proxy.stats.checked, { timeout: 60_000 }).toBe(1);
    expect(proxy.violations.map((v) => v.check)).toEqual(['not_a_server_error']);
  });

  it('keeps forwarding when a listener throws, and counts requests outside the API without checking them', async () => {
    const target = await startTarget((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
    });
    const proxy = await proxyFor(target, {
      maxRequests: 3,
      onViolation: () => {
        throw new Error('a listener that fails');
      },
    });
    const origin = proxy.origin;
    for (const url of [`${proxy.url}/operators`, `${proxy.url}/operators`, `${origin}/health`]) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"error":"boom"}');
    }
    await proxy.done;
    expect(proxy.stats).toMatchObject({ exchanges: 3, checked: 2, outsideBasePath: 1 });
  });

  it('refuses a target that is not an http URL', async () => {
    await expect(startProxy({ target: 'ftp://example.com/api' })).rejects.toThrow('--target must be an http or https URL');
    await expect(startProxy({ target: 'not a url' })).rejects.toThrow('--target must be');
  });
});

/** The `proxy` subcommand as a child process; resolves once it says where it listens. */
/**
 * Node flags that make the CLI send itself `signal` right after it writes its ready line: the
 * earliest a supervisor reading that line could signal, whatever the machine's speed.
 */
function signalOnReady(signal: NodeJS.Signals): string[] {
  const code = `const w = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
      const written = w(chunk, ...rest);
      if (String(chunk).includes('Validating proxy on')) process.kill(process.pid, ${JSON.stringify(signal)});
      return written;
    };`;
  return ['--import', `data:text/javascript,${encodeURIComponent(code)}`];
}

function startProxyCli(
  args: string[],
  nodeFlags: string[] = [],
): Promise<{ child: ChildProcess; url: string; output: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [...nodeFlags, CLI, 'proxy', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Validating proxy on (\S+)/m.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out, exit });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exit.then((code) => reject(new Error(`the proxy exited with ${code} before listening: ${out}`)));
  });
}

describe('identitycall-conformance proxy', () => {
  const documented = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `Not found for ${KEY}` }));
  };

  it('on SIGTERM writes the reports (keys redacted everywhere) and exits 1 after a violation', async () => {
    const target = await startTarget(documented);
    const dir = await mkdtemp(join(tmpdir(), 'proxy-'));
    const cli = await startProxyCli([
      '--target',
      target,
      '--json',
      join(dir, 'r/p.json'),
      '--junit',
      join(dir, 'r/p.xml'),
      '--html',
      join(dir, 'r/p.html'),
    ]);
    const response = await fetch(`${cli.url}/operators/9`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(404);
    await expect.poll(() => cli.output(), { timeout: 60_000 }).toContain('[error_envelope]');
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(EXIT_CODES.failed);
    const json = await readFile(join(dir, 'r/p.json'), 'utf8');
    const xml = await readFile(join(dir, 'r/p.xml'), 'utf8');
    expect(JSON.parse(json)).toMatchObject({ outcome: 'failed', traffic: { exchanges: 1, checked: 1, violating: 1 } });
    expect(xml).toMatch(/<testcase classname="conformance.traffic" name="traffic\/getOperator/);
    expect(cli.output()).toMatch(/^FAIL #1 getOperator \[error_envelope\] GET \/operators\/9 → 404/m);
    expect(cli.output()).toContain('Stopping (SIGTERM)');
    const html = await readFile(join(dir, 'r/p.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('error_envelope');
    for (const text of [cli.output(), json, xml, html]) {
      expect(text).not.toContain(KEY);
      expect(text).toContain('[api-key]');
    }
  });

  it('stops by itself after --max-requests exchanges and exits 0 when they conformed', async () => {
    const target = await startTarget((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [], meta: { page: 1, per_page: 25, total: 0, total_pages: 0 } }));
    });
    const cli = await startProxyCli(['--target', target, '--max-requests', '2']);
    for (let i = 0; i < 2; i++) await (await fetch(`${cli.url}/projects`, { headers: { authorization: `Bearer ${KEY}` } })).text();
    const code = await cli.exit;
    expect(cli.output()).toContain('Stopping (--max-requests 2)');
    expect(cli.output()).toContain('Exchanges: 2 seen, 2 checked');
    expect(code, cli.output()).toBe(EXIT_CODES.passed);
  });

  it('says NOTHING CHECKED and exits 3 when it saw no exchange', async () => {
    const target = await startTarget(documented);
    const cli = await startProxyCli(['--target', target], signalOnReady('SIGINT'));
    expect(await cli.exit).toBe(EXIT_CODES.incomplete);
    expect(cli.output()).toContain('NOTHING CHECKED — no exchange with the API was seen; this is not a pass');
  });

  it.each([
    { args: ['proxy'], says: '--target is required' },
    { args: ['proxy', '--target', 'http://127.0.0.1:1/api', '--port', 'x'], says: '--port must be a whole number' },
    { args: ['proxy', '--target', 'http://127.0.0.1:1/api', '--max-requests', '0'], says: '--max-requests must be a whole number ≥ 1' },
    { args: ['proxy', '--bogus'], says: "Unknown option '--bogus'" },
  ])('exits 2 for $says', async ({ args, says }) => {
    const result = await runCli(args);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(says);
  });
});
