/**
 * The promise to real deployments, checked from the outside: every request that changes something
 * — and every request with a deliberately bad id — names a resource an earlier response of the same
 * run created, or an id that cannot exist; after the run the data the run did not create is exactly
 * as before. Checked against the sandbox on a loopback address, against the sandbox behind a
 * non-loopback URL (the defaults of a remote deployment: no purchases), and in a dry run.
 */
import { describe, expect, it } from 'vitest';
import { runConformance, type ConformanceOptions, type Exchange } from '@identitycall/conformance';
import { createValidator, loadSpec } from '@identitycall/openapi';
import { sandboxRun, useSandbox } from '../../test/helpers.js';

const sandbox = useSandbox();
const validator = createValidator(loadSpec());

const CREATES = new Set(['POST /operators', 'POST /projects', 'POST /recordings', 'POST /virtual_numbers/purchase']);
const REFERENCES = ['operator_id', 'project_id'];

/** Everything the main key can list: what must not change. */
async function snapshot(url: string, key: string) {
  const get = async (path: string) =>
    ((await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { data: Array<{ id: number }> })
      .data;
  return {
    operators: await get('/operators'),
    projects: await get('/projects'),
    numbers: await get('/virtual_numbers'),
    recordings: await get('/recordings?per_page=100'),
  };
}

/** An id no deployment hands out: not an id at all, out of the documented range, far above any sequence, or the nil-like UUID. */
const cannotExist = (id: string) =>
  id === '00000000-0000-7000-8000-000000000000' ||
  (!/^\d+$/.test(id) && !/^[0-9a-f-]{36}$/i.test(id)) ||
  (/^\d+$/.test(id) && (Number(id) < 1 || Number(id) >= 2_000_000_000));

/** The reference fields a request sends (query, JSON body, multipart fields). */
function referencesOf(e: Exchange): string[] {
  const out = REFERENCES.flatMap((f) => new URL(e.request.url).searchParams.getAll(f));
  const body = e.request.body ?? '';
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (json && typeof json === 'object') for (const f of REFERENCES) if (f in json && json[f] !== null) out.push(String(json[f]));
  } catch {
    for (const f of REFERENCES) for (const m of body.matchAll(new RegExp(`name="${f}"\\r\\n\\r\\n([^\\r]*)`, 'g'))) out.push(m[1]!);
  }
  return out;
}

/**
 * Requests that named someone else's data: a change (or, from the negative family, any request with
 * a bad id) naming a path id or a reference the run had not created and that could exist.
 */
function violations(exchanges: ReadonlyArray<{ caseId: string; exchange: Exchange }>): string[] {
  const created = new Set<string>();
  const out: string[] = [];
  for (const { caseId, exchange: e } of exchanges) {
    const { method, path } = e.request;
    const id = /^\/(?:operators|projects|recordings|virtual_numbers)\/([^/]+)/.exec(path)?.[1];
    const named = [...(id !== undefined && id !== 'available' && id !== 'purchase' ? [id] : []), ...referencesOf(e)];
    const risky = method !== 'GET' || caseId.startsWith('negative/');
    for (const ref of named)
      if (risky && !cannotExist(ref) && !created.has(ref.toLowerCase())) out.push(`${caseId}: ${method} ${path} names ${ref}`);
    const data = (e.response.body as { data?: { id?: unknown; public_id?: unknown; operators?: Array<{ id: number }> } } | undefined)?.data;
    if (CREATES.has(`${method} ${path}`) && e.response.status < 300 && data) {
      for (const ref of [data.id, data.public_id]) if (ref !== undefined) created.add(String(ref).toLowerCase());
    }
    // Attach Operator creates an operator from a phone number.
    if (/\/add_operator$/.test(path) && e.response.status < 300) for (const o of data?.operators ?? []) created.add(String(o.id));
  }
  return out;
}

/** Runs the engine and keeps every exchange with the case that sent it. */
async function recordedRun(options: ConformanceOptions) {
  const exchanges: Array<{ caseId: string; exchange: Exchange }> = [];
  let caseId = '';
  const report = await runConformance({
    ...options,
    onEvent: (e) => {
      if (e.type === 'case-start') caseId = e.id;
      if (e.type === 'exchange') exchanges.push({ caseId, exchange: e.exchange });
    },
  });
  return { report, exchanges };
}

/** A fetch that serves `remote` (a URL that is not this machine) from the sandbox at `local`. */
const servedFrom = (remote: string, local: string) => async (request: Request) => {
  const body = request.body ? await request.arrayBuffer() : undefined;
  return fetch(local + request.url.slice(remote.length), {
    method: request.method,
    headers: request.headers,
    body,
    redirect: 'manual',
    signal: request.signal,
  });
};

describe('a run against the sandbox', () => {
  it('changes and deletes only what it created, and leaves everything else as it was', async () => {
    const options = sandboxRun(sandbox(), { runs: 5 });
    const before = await snapshot(options.baseUrl, options.apiKey);
    const { report, exchanges } = await recordedRun(options);
    expect(report.passed).toBe(true);
    expect(violations(exchanges)).toEqual([]);

    const after = await snapshot(options.baseUrl, options.apiKey);
    const seeded = (rows: Array<{ id: number }>, of: Array<{ id: number }>) => rows.filter((r) => of.some((o) => o.id === r.id));
    expect(seeded(after.operators, before.operators)).toEqual(before.operators);
    expect(after.operators).toHaveLength(before.operators.length);
    expect(after.projects).toEqual(before.projects);
    expect(seeded(after.numbers, before.numbers)).toEqual(before.numbers);
    expect(after.recordings).toEqual(before.recordings);
  });

  it('behind a URL that is not this machine: buys nothing, names only its own resources or ids that cannot exist, leaves the rest as it was', async () => {
    const remote = 'https://conformance.invalid/api/v1/public';
    const options = sandboxRun(sandbox(), { runs: 3, baseUrl: remote, stateless: 'auto', fetch: servedFrom(remote, sandbox().url) });
    const before = await snapshot(sandbox().url, options.apiKey);
    const { report, exchanges } = await recordedRun(options);
    expect(report.outcome).toBe('passed');
    expect(report.skips.find((s) => s.kind === 'no-purchase')).toMatchObject({ deliberate: true });
    // Nothing it sent could have bought a number, even from a server that ignored keys, methods or validation.
    const purchases = exchanges
      .filter((e) => e.exchange.request.path === '/virtual_numbers/purchase')
      .map((e) => e.exchange.request.body ?? '');
    expect(purchases.length).toBeGreaterThan(0);
    expect(purchases.filter((body) => validator.validateRequestBody('purchaseVirtualNumber', JSON.parse(body || 'null')).valid)).toEqual(
      [],
    );
    const negatives = report.cases.filter((c) => c.family === 'negative' && c.outcome === 'passed').length;
    expect(negatives).toBeGreaterThan(0);
    expect(exchanges.filter((e) => e.caseId.startsWith('negative/')).length).toBeGreaterThanOrEqual(negatives);
    expect(violations(exchanges)).toEqual([]);
    expect(await snapshot(sandbox().url, options.apiKey)).toEqual(before);
  });

  it('a dry run against a remote URL names only what its own (example) creates returned, or ids that cannot exist', async () => {
    const { report, exchanges } = await recordedRun({
      baseUrl: 'https://api.example.test/api/v1/public',
      apiKey: 'idc_dryrunkey',
      readOnlyKey: 'idc_readonly',
      projectKey: 'idc_project',
      dryRun: true,
      runs: 2,
    });
    expect(report.outcome).toBe('dry-run');
    expect(exchanges.length).toBeGreaterThan(report.counts.passed);
    expect(violations(exchanges)).toEqual([]);
  });
});
