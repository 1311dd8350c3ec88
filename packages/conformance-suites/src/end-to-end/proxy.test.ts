/**
 * The validating proxy in front of real sandboxes. Two sandboxes with the same seed and a frozen
 * clock answer the same requests with the same bytes: one is called directly, the other through
 * the proxy, and every answer — reads, a create, an upload, error responses — must be identical
 * (Date aside), with plain fetch and with @identitycall/client. Then the `proxy` subcommand in
 * front of a sandbox with injected faults must report each under its check and exit 1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityCallClient, NotFoundError } from '@identitycall/client';
import { EXIT_CODES, startProxy, type ValidatingProxy } from '@identitycall/conformance';
import { startSandbox, type Sandbox, type SandboxOptions } from '@identitycall/sandbox';
import { CLI, sandboxKeys } from '../../test/helpers.js';

const frozen: SandboxOptions = { port: 0, processing: 'instant', clock: () => new Date('2026-12-01T10:00:00Z'), onError: () => {} };

/** What a client sees of a response, but the Date header (it moves with the clock of the machine). */
async function seen(response: Response) {
  return {
    status: response.status,
    headers: [...response.headers].filter(([k]) => k !== 'date'),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  };
}

/** The public_id in a base64 body. */
const publicIdOf = (base64: string): string =>
  (JSON.parse(Buffer.from(base64, 'base64').toString()) as { data: { public_id: string } }).data.public_id;

/** A base64 body with one public_id replaced by another (same length: the bytes stay comparable). */
const sameIds = (base64: string, from: string, to: string): string =>
  Buffer.from(Buffer.from(base64, 'base64').toString().split(from).join(to)).toString('base64');

/** A multipart upload body, serialised once so both sides get the same bytes (and boundary). */
async function uploadBody(projectId: number): Promise<{ body: ArrayBuffer; contentType: string }> {
  const form = new FormData();
  form.append('project_id', String(projectId));
  form.append('file', new Blob([new Uint8Array(4096).map((_, i) => i % 251)], { type: 'audio/mpeg' }), 'call.mp3');
  form.append('name', 'Proxy upload');
  form.append('external_id', 'proxy-upload-1');
  const serialised = new Response(form);
  return { body: await serialised.arrayBuffer(), contentType: serialised.headers.get('content-type')! };
}

describe('the validating proxy in front of the sandbox', () => {
  let direct: Sandbox;
  let behind: Sandbox;
  let proxy: ValidatingProxy;
  let key: string;
  beforeAll(async () => {
    [direct, behind] = await Promise.all([startSandbox(frozen), startSandbox(frozen)]);
    proxy = await startProxy({ target: behind.url });
    key = sandboxKeys(direct.keys).full;
  });
  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([direct?.stop(), behind?.stop()]);
  });

  it('returns exactly what the sandbox answers, to plain fetch and to @identitycall/client', async () => {
    const viaDirect = createIdentityCallClient({ baseUrl: direct.url, apiKey: key });
    const viaProxy = createIdentityCallClient({ baseUrl: proxy.url, apiKey: key });
    const projectId = (await viaDirect.projects.list())[0]!.id;
    const upload = await uploadBody(projectId);
    const auth = { authorization: `Bearer ${key}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const requests: Array<[string, RequestInit]> = [
      ['/operators', { headers: auth }],
      ['/operators/2147483000', { headers: auth }],
      ['/operators', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Zoë Proxy', phone_number: '+1 (555) 010-2030' }) }],
      ['/recordings', { method: 'POST', headers: { ...auth, 'content-type': upload.contentType }, body: upload.body }],
      ['/recordings?per_page=5', { headers: auth }],
      ['/operators', { headers: {} }],
      ['/operators', { method: 'POST', headers: json, body: '{"name": ' }],
    ];
    const statuses: number[] = [];
    let publicIds: [string, string] | undefined;
    for (const [path, init] of requests) {
      const a = await seen(await fetch(`${direct.url}${path}`, init));
      const b = await seen(await fetch(`${proxy.url}${path}`, init));
      // The sandbox draws each recording's public_id at random (a UUIDv7): the one place two
      // sandboxes differ. Everything else of the body is compared byte for byte.
      if (path === '/recordings' && a.status === 201) publicIds = [publicIdOf(b.body), publicIdOf(a.body)];
      const body = publicIds && path.startsWith('/recordings') ? sameIds(b.body, ...publicIds) : b.body;
      expect({ ...b, body }, `${init.method ?? 'GET'} ${path}`).toEqual(a);
      statuses.push(a.status);
    }
    // Successes, a create, an upload and three kinds of error went through.
    expect(statuses).toEqual([200, 404, 201, 201, 200, 401, 400]);

    expect(await viaProxy.operators.list()).toEqual(await viaDirect.operators.list());
    const operator = { name: 'Client Proxy', phone_number: '+15550104455' };
    expect(await viaProxy.operators.create(operator)).toEqual(await viaDirect.operators.create(operator));
    const file = new Blob([new Uint8Array(2048).fill(7)], { type: 'audio/mpeg' });
    const recording = { file, filename: 'c.mp3', project_id: projectId, external_id: 'client-1' };
    const [uploadedViaProxy, uploadedDirect] = [await viaProxy.recordings.upload(recording), await viaDirect.recordings.upload(recording)];
    expect({ ...uploadedViaProxy, public_id: uploadedDirect.public_id }).toEqual(uploadedDirect);
    const missing = async (client: typeof viaDirect) => client.operators.get(2_147_483_000).catch((e: unknown) => e);
    const [fromProxy, fromDirect] = [await missing(viaProxy), await missing(viaDirect)];
    expect(fromProxy).toBeInstanceOf(NotFoundError);
    expect((fromProxy as Error).message).toBe((fromDirect as Error).message);

    // Every exchange was checked; the only violations are the requests the test sent wrong on purpose.
    await expect.poll(() => proxy.stats.checked, { timeout: 60_000 }).toBe(requests.length + 4);
    expect(proxy.violations.map((v) => `${v.operationId} ${v.check}`).sort()).toEqual([
      'createOperator request_conformance',
      'listOperators request_conformance',
    ]);
    expect(JSON.stringify(proxy.report())).not.toContain(key);
  });
});

describe('identitycall-conformance proxy in front of a sandbox with injected faults', () => {
  let faulty: Sandbox;
  beforeAll(async () => {
    faulty = await startSandbox({ port: 0, faults: ['wrong-not-found-message', 'wrong-content-type'], onError: () => {} });
  });
  afterAll(() => faulty?.stop());

  it('reports each defect under its check as it happens, writes the reports and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxy-'));
    const child = spawn(
      process.execPath,
      [CLI, 'proxy', '--target', faulty.url, '--port', '0', '--json', join(dir, 'p.json'), '--junit', join(dir, 'p.xml')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    let out = '';
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^Validating proxy on (\S+)/m.exec(out);
        if (m) resolve(m[1]!);
      });
      void exit.then((code) => reject(new Error(`the proxy exited with ${code}: ${out}`)));
    });
    const key = sandboxKeys(faulty.keys).full;
    const client = createIdentityCallClient({ baseUrl: url, apiKey: key });
    await expect(client.operators.get(2_147_483_000)).rejects.toBeInstanceOf(NotFoundError);
    const projects = await client.projects.list();
    // The wrong content type makes the client refuse the answer; the proxy still passed it on.
    await client.projects.get(projects[0]!.id).catch(() => undefined);
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/\[content_type_conformance\]/);
    child.kill('SIGTERM');
    expect(await exit, out).toBe(EXIT_CODES.failed);
    expect(out).toMatch(
      /^FAIL #1 getOperator \[error_envelope\] GET \/operators\/2147483000 → 404: message "Not found" is not the documented/m,
    );
    expect(out).toMatch(/^FAIL #3 getProject \[content_type_conformance\]/m);
    const report = JSON.parse(await readFile(join(dir, 'p.json'), 'utf8')) as {
      outcome: string;
      checks: Array<{ name: string; failed: number }>;
    };
    expect(report.outcome).toBe('failed');
    expect(report.checks.filter((c) => c.failed > 0).map((c) => c.name)).toEqual(['content_type_conformance', 'error_envelope']);
    const xml = await readFile(join(dir, 'p.xml'), 'utf8');
    for (const text of [out, JSON.stringify(report), xml]) expect(text).not.toContain(key);
  });
});
