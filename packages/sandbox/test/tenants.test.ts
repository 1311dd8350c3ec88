/**
 * Tenants: isolated accounts in one sandbox, chosen by key. Two tenants never see each other's
 * resources (404, exactly as for a foreign project), parallel tenants each end in the state their
 * own requests imply, idle ones expire by the sandbox clock, the cap answers 429, reset and delete
 * act on one tenant only, hostile admin input gets a clear 4xx, and tenants survive a restart from
 * the data file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiKeyRecord,
  type SandboxTenant,
  SandboxDataError,
  createTenant,
  deleteTenant,
  loadSeedFile,
  resetTenant,
  startSandbox,
} from '../src/index.js';
import { Api, KEYS, admin, rawRequest, useCli, useSandbox } from './helpers.js';

const seed = loadSeedFile();
const dir = mkdtempSync(join(tmpdir(), 'sandbox-tenants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** POST /__sandbox/tenants with a JSON body (or none). */
async function create(
  origin: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${origin}/__sandbox/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

/** The tenant's key with the same name as a seeded key. */
const keyNamed = (tenant: { keys: ApiKeyRecord[] }, seeded: string): string => {
  const name = seed.keys.find((k) => k.key === seeded)!.name;
  return tenant.keys.find((k) => k.name === name)!.key;
};

describe('creating a tenant', () => {
  const { api, sandbox } = useSandbox();

  it('answers 201 with its id and fresh keys in the shape of GET /__sandbox/keys, one per seeded key', async () => {
    const { status, json } = await create(sandbox().origin);
    expect(status).toBe(201);
    const tenant = json.data;
    expect(tenant.id).toMatch(/^tnt_[A-Za-z0-9]{24}$/);
    expect(tenant).toMatchObject({ base_path: '/api/v1/public', processing: 'on-read' });
    expect(Date.parse(tenant.expires_at) - Date.parse(tenant.last_used_at)).toBe(3_600_000);
    const shape = (k: ApiKeyRecord) => ({ name: k.name, permissions: k.permissions, project_id: k.project_id });
    expect(tenant.keys.map(shape)).toEqual(seed.keys.map(shape));
    for (const k of tenant.keys as ApiKeyRecord[]) {
      expect(k.key).toMatch(/^idc_[A-Za-z0-9]{32}$/);
      expect(Object.values(KEYS)).not.toContain(k.key);
    }
    // The default account's keys are unchanged and list no tenant key.
    const listed = (await (await admin(sandbox(), '/keys', 'GET')).json()) as { data: ApiKeyRecord[] };
    expect(listed.data.map((k) => k.key).sort()).toEqual(Object.values(KEYS).sort());
    // Its keys work at the same base URL, with their permissions.
    const full = keyNamed(tenant, KEYS.full);
    expect((await api().get('/operators/42', { key: full })).body.data.name).toBe('Jane Doe');
    const readOnly = keyNamed(tenant, KEYS.readOnly);
    expect((await api().patch('/operators/42', { name: 'X' }, { key: readOnly })).status).toBe(403);
  });

  it('gives every tenant different keys and ids', async () => {
    const tenants = await Promise.all(Array.from({ length: 5 }, () => sandbox().createTenant()));
    const keys = tenants.flatMap((t) => t.keys.map((k) => k.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(tenants.map((t) => t.id)).size).toBe(5);
    expect(tenants[0]!.url).toBe(sandbox().url);
  });

  it('lists tenants without their keys', async () => {
    const res = await admin(sandbox(), '/tenants', 'GET');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<Record<string, unknown>>; meta: Record<string, number> };
    expect(body.meta).toMatchObject({ count: body.data.length, max: 50, idle_timeout_ms: 3_600_000 });
    expect(body.data.length).toBeGreaterThanOrEqual(6);
    for (const t of body.data) expect(Object.keys(t).sort()).toEqual(['created_at', 'expires_at', 'id', 'last_used_at', 'processing']);
    expect(JSON.stringify(body)).not.toMatch(/idc_/);
  });
});

describe('isolation', () => {
  const { api, sandbox } = useSandbox();

  it('a tenant never sees another tenant’s resources: 404, exactly like a foreign project', async () => {
    const a = await sandbox().createTenant();
    const b = await sandbox().createTenant();
    const [aKey, bKey] = [keyNamed(a, KEYS.full), keyNamed(b, KEYS.full)];
    // How the sandbox answers a resource of a foreign project today.
    const foreign = await api().get('/projects/44', { key: KEYS.project42 });
    expect(foreign.status).toBe(404);

    const project = (await api().post('/projects', { name: 'Only A', language: 'en' }, { key: aKey })).body.data;
    const operator = (await api().post('/operators', { name: 'A Person', phone_number: '+15550001111' }, { key: aKey })).body.data;
    for (const path of [`/projects/${project.id}`, `/operators/${operator.id}`]) {
      for (const key of [bKey, KEYS.full]) {
        const seen = await api().get(path, { key });
        expect([seen.status, seen.body]).toEqual([foreign.status, foreign.body]);
      }
    }
    for (const key of [bKey, KEYS.full]) {
      const names = (await api().get('/projects', { key })).body.data.map((p: { name: string }) => p.name);
      expect(names).not.toContain('Only A');
    }
    // Changes and deletes stay in the tenant.
    await api().patch('/operators/42', { name: 'A’s Jane' }, { key: aKey });
    expect((await api().delete('/operators/12', { key: aKey })).status).toBe(200);
    for (const key of [bKey, KEYS.full]) {
      expect((await api().get('/operators/42', { key })).body.data.name).toBe('Jane Doe');
      expect((await api().get('/operators/12', { key })).status).toBe(200);
    }
    // Its own id sequence: B's first project gets the same id as A's, and is B's own.
    const bProject = (await api().post('/projects', { name: 'Only B', language: 'en' }, { key: bKey })).body.data;
    expect(bProject.id).toBe(project.id);
    expect((await api().get(`/projects/${project.id}`, { key: aKey })).body.data.name).toBe('Only A');
    // Its own catalogue: a number A bought is still for sale to B.
    const bought = await api().post('/virtual_numbers/purchase', { phone_number: '+18005550100' }, { key: aKey });
    expect(bought.status).toBe(201);
    const offers = async (key: string) =>
      (await api().get('/virtual_numbers/available?number_type=toll-free', { key })).body.data.map(
        (n: { phone_number: string }) => n.phone_number,
      );
    expect(await offers(aKey)).not.toContain('+18005550100');
    expect(await offers(bKey)).toContain('+18005550100');
    expect(await offers(KEYS.full)).toContain('+18005550100');
    // Scopes still hold inside a tenant: its project key gets 404 for another project.
    const scoped = await api().get('/projects/44', { key: keyNamed(a, KEYS.project42) });
    expect([scoped.status, scoped.body]).toEqual([foreign.status, foreign.body]);
  });

  it('20 tenants driven in parallel each end in the state their own requests imply', { timeout: 120_000 }, async () => {
    const tenants = await Promise.all(Array.from({ length: 20 }, () => sandbox().createTenant({ processing: 'instant' })));
    await Promise.all(
      tenants.map(async (t, i) => {
        const key = keyNamed(t, KEYS.full);
        const creates = Array.from({ length: i % 5 }, (_, j) =>
          api().post('/operators', { name: `Tenant ${i} op ${j}`, phone_number: `+1555020${String(i).padStart(2, '0')}0${j}` }, { key }),
        );
        const answers = await Promise.all([
          ...creates,
          api().patch('/operators/42', { name: `Jane of tenant ${i}` }, { key }),
          api().post('/projects', { name: `Project of tenant ${i}`, language: 'en' }, { key }),
          ...(i % 2 === 0 ? [api().delete('/operators/18', { key })] : []),
        ]);
        for (const a of answers) expect(a.status).toBeLessThan(300);
      }),
    );
    const seededOperators = seed.operators.length;
    await Promise.all(
      tenants.map(async (t, i) => {
        const key = keyNamed(t, KEYS.full);
        const operators = (await api().get('/operators?per_page=100', { key })).body.data as Array<{ id: number; name: string }>;
        const own = operators.filter((o) => o.name.startsWith('Tenant ')).map((o) => o.name);
        expect(own.sort()).toEqual(Array.from({ length: i % 5 }, (_, j) => `Tenant ${i} op ${j}`));
        expect(operators).toHaveLength(seededOperators + (i % 5) - (i % 2 === 0 ? 1 : 0));
        expect(operators.find((o) => o.id === 42)!.name).toBe(`Jane of tenant ${i}`);
        const projects = (await api().get('/projects', { key })).body.data.map((p: { name: string }) => p.name);
        expect(projects.filter((n: string) => n.startsWith('Project of tenant'))).toEqual([`Project of tenant ${i}`]);
      }),
    );
    // The default account saw none of it.
    expect((await api().get('/operators/42')).body.data.name).toBe('Jane Doe');
    expect((await api().get('/operators/18')).status).toBe(200);
  });
});

describe('reset and delete', () => {
  const { api, sandbox } = useSandbox();

  it('reset puts one tenant back to the seed with the same keys; the default reset leaves tenants alone', async () => {
    const a = await sandbox().createTenant();
    const b = await sandbox().createTenant();
    const [aKey, bKey] = [keyNamed(a, KEYS.full), keyNamed(b, KEYS.full)];
    await api().patch('/operators/42', { name: 'Changed in A' }, { key: aKey });
    await api().patch('/operators/42', { name: 'Changed in B' }, { key: bKey });
    await api().patch('/operators/42', { name: 'Changed in default' });

    const res = await admin(sandbox(), `/tenants/${a.id}/reset`);
    expect(res.status).toBe(200);
    const reset = ((await res.json()) as { data: SandboxTenant }).data;
    expect(reset.keys.map((k) => k.key)).toEqual(a.keys.map((k) => k.key));
    expect((await api().get('/operators/42', { key: aKey })).body.data.name).toBe('Jane Doe');
    expect((await api().get('/operators/42', { key: bKey })).body.data.name).toBe('Changed in B');
    expect((await api().get('/operators/42')).body.data.name).toBe('Changed in default');

    expect((await admin(sandbox(), '/reset')).status).toBe(200);
    expect((await api().get('/operators/42')).body.data.name).toBe('Jane Doe');
    expect((await api().get('/operators/42', { key: bKey })).body.data.name).toBe('Changed in B');
  });

  it('delete removes the tenant: its keys get the documented 401, the id 404', async () => {
    const a = await sandbox().createTenant();
    const aKey = keyNamed(a, KEYS.full);
    expect((await api().get('/operators', { key: aKey })).status).toBe(200);
    const res = await admin(sandbox(), `/tenants/${a.id}`, 'DELETE');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { id: a.id, deleted: true } });
    const unauthorized = await api().get('/operators', { key: null });
    for (const k of a.keys) {
      const after = await api().get('/operators', { key: k.key });
      expect([after.status, after.body]).toEqual([401, unauthorized.body]);
    }
    for (const [path, method] of [
      [`/tenants/${a.id}`, 'DELETE'],
      [`/tenants/${a.id}`, 'GET'],
      [`/tenants/${a.id}/reset`, 'POST'],
    ] as const) {
      const gone = await admin(sandbox(), path, method);
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { error: string }).error).toMatch(/^Tenant not found: "tnt_/);
    }
    expect(
      sandbox()
        .listTenants()
        .map((t) => t.id),
    ).not.toContain(a.id);
  });

  it('advances a recording of a tenant with manual processing through its own admin route', async () => {
    const t = await sandbox().createTenant({ processing: 'manual' });
    const key = keyNamed(t, KEYS.full);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(64).fill(1)], { type: 'audio/mpeg' }), 'call.mp3');
    form.append('project_id', '42');
    const uploaded = await api().call('POST', '/recordings', { key, form });
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.data.id;
    expect((await api().get(`/recordings/${id}`, { key })).body.data.status).toBe('pending');
    const res = await admin(sandbox(), `/tenants/${t.id}/recordings/${id}/advance`);
    expect(((await res.json()) as { data: { status: string } }).data.status).toBe('processing');
    // The default account has no such recording (or its own, untouched).
    expect((await admin(sandbox(), `/tenants/${t.id}/recordings/999999/advance`)).status).toBe(404);
  });
});

describe('expiry and the cap', () => {
  let now = Date.parse('2026-05-01T10:00:00Z');
  const { api, sandbox } = useSandbox({ clock: () => new Date(now), tenantIdleTimeout: 60_000, maxTenants: 2 });

  it('a tenant unused for longer than the idle timeout is gone; using it keeps it', async () => {
    const t = await sandbox().createTenant();
    const key = keyNamed(t, KEYS.full);
    now += 50_000;
    expect((await api().get('/operators', { key })).status).toBe(200);
    now += 50_000; // 100 s since creation, 50 s since the last use
    expect((await api().get('/operators', { key })).status).toBe(200);
    const listed = sandbox()
      .listTenants()
      .find((x) => x.id === t.id)!;
    expect(listed.expires_at).toBe(new Date(now + 60_000).toISOString().replace('.000Z', 'Z'));
    now += 60_001;
    expect((await api().get('/operators', { key })).status).toBe(401);
    expect(
      sandbox()
        .listTenants()
        .map((x) => x.id),
    ).not.toContain(t.id);
    expect((await admin(sandbox(), `/tenants/${t.id}`, 'GET')).status).toBe(404);
  });

  it('refuses a tenant over the cap with 429 and Retry-After; a deleted or expired one frees a place', async () => {
    const first = await sandbox().createTenant();
    now += 10_000;
    await sandbox().createTenant();
    const full = await create(sandbox().origin);
    expect(full.status).toBe(429);
    expect(full.json.error).toMatch(/^Tenant limit reached: 2 tenants exist\. Delete one/);
    // The first tenant expires 50 s from now.
    expect(full.headers.get('retry-after')).toBe('50');
    await expect(sandbox().createTenant()).rejects.toThrow(/Tenant limit reached/);

    expect(await sandbox().deleteTenant(first.id)).toBe(true);
    expect((await create(sandbox().origin)).status).toBe(201);
    expect((await create(sandbox().origin)).status).toBe(429);
    now += 60_001;
    expect(sandbox().listTenants()).toEqual([]);
    expect((await create(sandbox().origin)).status).toBe(201);
  });

  it('refuses every tenant with maxTenants 0, and refuses bad limits before starting', async () => {
    const off = await startSandbox({ port: 0, maxTenants: 0 });
    try {
      const refused = await create(off.origin);
      expect(refused.status).toBe(429);
      expect(refused.json.error).toMatch(/tenants are turned off on this sandbox \(--max-tenants 0\)/);
      expect(refused.headers.get('retry-after')).toBeNull();
    } finally {
      await off.stop();
    }
    await expect(startSandbox({ port: 0, maxTenants: -1 })).rejects.toThrow(/--max-tenants \/ maxTenants/);
    await expect(startSandbox({ port: 0, tenantIdleTimeout: 0 })).rejects.toThrow(/--tenant-idle-timeout \/ tenantIdleTimeout/);
  });
});

describe('hostile admin input', () => {
  const { sandbox } = useSandbox();
  const tenantsUrl = () => `${sandbox().origin}/__sandbox/tenants`;

  it.each([
    { name: 'malformed JSON', body: '{"processing": ', status: 400, error: /^Malformed JSON in request body/ },
    { name: 'a JSON array', body: '[]', status: 400, error: /^Invalid tenant options: the body must be a JSON object/ },
    { name: 'an unknown field', body: '{"keys": ["idc_x"]}', status: 400, error: /^Invalid tenant options: unknown field "keys"/ },
    { name: 'a bad processing mode', body: '{"processing": "later"}', status: 400, error: /field "processing": expected "on-read"/ },
    { name: 'a zero step', body: '{"processing": {"stepMs": 0}}', status: 400, error: /field "processing"/ },
    { name: 'bytes that are not UTF-8', body: new Uint8Array([0x7b, 0xff, 0x7d]), status: 400, error: /not valid UTF-8/ },
    { name: 'a body over 16 KiB', body: JSON.stringify({ processing: 'x'.repeat(20_000) }), status: 413, error: /larger than/ },
  ])('answers $status to $name, creating nothing', async ({ body, status, error }) => {
    const before = sandbox().listTenants().length;
    const res = await fetch(tenantsUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
    expect(sandbox().listTenants()).toHaveLength(before);
  });

  it('answers a huge body without reading it all, and keeps serving', async () => {
    const res = await rawRequest(sandbox().origin, '/__sandbox/tenants', {
      method: 'POST',
      headers: { host: '127.0.0.1', 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
      body: '{',
    });
    expect(res.status).toBe(413);
    expect((await create(sandbox().origin)).status).toBe(201);
  });

  it.each([
    { path: '/tenants/tnt_AAAAAAAAAAAAAAAAAAAAAAAA', method: 'GET', status: 404 },
    { path: '/tenants/tnt_AAAAAAAAAAAAAAAAAAAAAAAA', method: 'DELETE', status: 404 },
    { path: '/tenants/..%2F..%2Fkeys', method: 'GET', status: 404 },
    { path: '/tenants/%E0%A4%A', method: 'DELETE', status: 404 },
    { path: `/tenants/${'x'.repeat(5000)}`, method: 'GET', status: 404 },
    { path: '/tenants/tnt_AAAAAAAAAAAAAAAAAAAAAAAA/reset', method: 'GET', status: 405 },
    { path: '/tenants', method: 'PUT', status: 405 },
    { path: '/tenants/tnt_AAAAAAAAAAAAAAAAAAAAAAAA', method: 'PATCH', status: 405 },
  ])('answers $status to $method $path', async ({ path, method, status }) => {
    const res = await admin(sandbox(), path, method);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string };
    expect(body.error.length).toBeLessThan(200);
  });

  it('keeps the admin protections: JSON content type, no cross-site caller', async () => {
    const plain = await fetch(tenantsUrl(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    const crossSite = await create(sandbox().origin, {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const listing = await fetch(tenantsUrl(), { headers: { origin: 'https://evil.example' } });
    expect(listing.status).toBe(403);
  });

  it('needs the admin token when one is set, also through createTenant()', async () => {
    const guarded = await startSandbox({ port: 0, adminToken: 'tenant-admin-secret' });
    try {
      expect((await create(guarded.origin)).status).toBe(401);
      expect((await fetch(`${guarded.origin}/__sandbox/tenants`)).status).toBe(401);
      await expect(createTenant(guarded.origin, { adminToken: 'wrong' })).rejects.toThrow(/answered 401: Admin token required/);
      const t = await createTenant(`${guarded.origin}/__sandbox`, { adminToken: 'tenant-admin-secret', processing: 'instant' });
      expect(t.url).toBe(guarded.url);
      expect(t.processing).toBe('instant');
      const res = await fetch(`${t.url}/operators/42`, { headers: { authorization: `Bearer ${keyNamed(t, KEYS.full)}` } });
      expect(res.status).toBe(200);
      expect((await resetTenant(guarded.origin, t.id, { adminToken: 'tenant-admin-secret' }))?.id).toBe(t.id);
      expect(await deleteTenant(guarded.origin, t.id, { adminToken: 'tenant-admin-secret' })).toBe(true);
      expect(await deleteTenant(guarded.origin, t.id, { adminToken: 'tenant-admin-secret' })).toBe(false);
      expect(await resetTenant(guarded.origin, t.id, { adminToken: 'tenant-admin-secret' })).toBeUndefined();
    } finally {
      await guarded.stop();
    }
  });

  it('createTenant() names the URL when no sandbox answers there', async () => {
    const stopped = await startSandbox({ port: 0 });
    await stopped.stop();
    await expect(createTenant(stopped.origin)).rejects.toThrow(`POST ${stopped.origin}/__sandbox/tenants failed:`);
    await expect(createTenant('not a url')).rejects.toThrow(/adminUrl: not a URL/);
  });

  it('refuses tenants on a sandbox with injected faults (they act on the default account only)', async () => {
    const faulty = await startSandbox({ port: 0, faults: ['operator-missing-initials'] });
    try {
      const res = await create(faulty.origin);
      expect(res.status).toBe(409);
      expect(res.json.error).toMatch(/injected faults/);
    } finally {
      await faulty.stop();
    }
  });
});

describe('persistence', () => {
  it('a tenant and its data come back after a restart from the same data file; a deleted one does not', async () => {
    const dataFile = join(dir, 'tenants.json');
    let sb = await startSandbox({ port: 0, dataFile });
    const kept = await sb.createTenant({ processing: 'instant' });
    const dropped = await sb.createTenant();
    const key = keyNamed(kept, KEYS.full);
    const project = (await new Api(sb, key).post('/projects', { name: 'Persisted in tenant', language: 'en' })).body.data;
    await new Api(sb, key).patch('/operators/42', { name: 'Tenant Jane' });
    await sb.deleteTenant(dropped.id);
    await sb.stop();

    sb = await startSandbox({ port: 0, dataFile });
    try {
      expect(sb.listTenants().map((t) => [t.id, t.processing])).toEqual([[kept.id, 'instant']]);
      const api = new Api(sb, key);
      expect((await api.get(`/projects/${project.id}`)).body.data.name).toBe('Persisted in tenant');
      expect((await api.get('/operators/42')).body.data.name).toBe('Tenant Jane');
      expect((await new Api(sb).get('/operators/42')).body.data.name).toBe('Jane Doe');
      expect((await new Api(sb).get('/operators', { key: keyNamed(dropped, KEYS.full) })).status).toBe(401);
      // Ids continue inside the tenant.
      const next = (await api.post('/projects', { name: 'Next', language: 'en' })).body.data;
      expect(next.id).toBe(project.id + 1);
    } finally {
      await sb.stop();
    }
  });

  it('refuses a data file whose tenants share a key with the default account, naming it', async () => {
    const dataFile = join(dir, 'clash.json');
    let sb = await startSandbox({ port: 0, dataFile });
    await sb.createTenant();
    await sb.stop();
    // A start writes a snapshot holding every tenant (the creation was in the journal).
    await (await startSandbox({ port: 0, dataFile })).stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8'));
    file.tenants[0].data.keys[0].key = KEYS.full;
    file.tenants[0].processing = 'sometimes';
    const text = JSON.stringify(file);
    writeFileSync(dataFile, text);
    const refused = await startSandbox({ port: 0, dataFile }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SandboxDataError);
    const message = (refused as Error).message;
    expect(message).toMatch(/tenants\[0\] \(tnt_\w+\): key idc_sandboxF… is also a key of the default account/);
    expect(message).toMatch(/tenants\[0\] \(tnt_\w+\): field "processing" expected/);
    expect(readFileSync(dataFile, 'utf8')).toBe(text);
    sb = await startSandbox({ port: 0, dataFile, reset: true });
    expect(sb.listTenants()).toEqual([]);
    await sb.stop();
  });
});

describe('the CLI', () => {
  const { startCli, kill } = useCli();

  it('--tenants 2 creates two tenants at start and prints their keys', async () => {
    const cli = await startCli(['--tenants', '2', '--max-tenants', '3', '--tenant-idle-timeout', '120000']);
    try {
      const out = cli.output();
      const ids = [...out.matchAll(/^Tenant (tnt_\w{24}) \(expires when unused for 120000 ms\):$/gm)].map((m) => m[1]);
      expect(ids).toHaveLength(2);
      const printed = [...out.matchAll(/^ {2}(idc_\w{32}) /gm)].map((m) => m[1]!);
      expect(printed).toHaveLength(seed.keys.length * 3);
      const tenantKey = printed.find((k) => !Object.values(KEYS).includes(k as never))!;
      const res = await fetch(`${cli.url}/operators`, { headers: { authorization: `Bearer ${tenantKey}` } });
      expect(res.status).toBe(200);
    } finally {
      await kill(cli.child);
    }
  });
});
