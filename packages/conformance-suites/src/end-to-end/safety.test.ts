/**
 * The promise to real deployments, checked from the outside: every request that changes something
 * names a resource an earlier response of the same run created (or an id that cannot exist), and
 * after the run the data the run did not create is exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { runConformance, type Exchange } from '@identitycall/conformance';
import { sandboxRun, useSandbox } from '../../test/helpers.js';

const sandbox = useSandbox();

const CREATES = new Set(['POST /operators', 'POST /projects', 'POST /recordings', 'POST /virtual_numbers/purchase']);

/** Everything the main key can list: what must not change. */
async function snapshot(url: string, key: string) {
  const get = async (path: string) => ((await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { data: Array<{ id: number }> }).data;
  return {
    operators: await get('/operators'),
    projects: await get('/projects'),
    numbers: await get('/virtual_numbers'),
    recordings: await get('/recordings?per_page=100'),
  };
}

describe('a run against the sandbox', () => {
  it('changes and deletes only what it created, and leaves everything else as it was', async () => {
    const options = sandboxRun(sandbox(), { runs: 5 });
    const before = await snapshot(options.baseUrl, options.apiKey);
    const exchanges: Exchange[] = [];
    const report = await runConformance({ ...options, onEvent: (e) => e.type === 'exchange' && exchanges.push(e.exchange) });
    expect(report.passed).toBe(true);

    const created = new Set<string>();
    const violations: string[] = [];
    for (const e of exchanges) {
      const { method, path } = e.request;
      const id = /^\/(?:operators|projects|recordings|virtual_numbers)\/([^/]+)/.exec(path)?.[1];
      const cannotExist = id !== undefined && (!/^\d+$/.test(id) || Number(id) >= 2_000_000_000 || Number(id) < 1) && !/^[0-9a-f-]{36}$/i.test(id);
      const absentUuid = id === '00000000-0000-7000-8000-000000000000';
      if (method !== 'GET' && id !== undefined && id !== 'available' && id !== 'purchase' && !cannotExist && !absentUuid && !created.has(id.toLowerCase())) {
        violations.push(`${method} ${path}`);
      }
      const data = (e.response.body as { data?: { id?: unknown; public_id?: unknown } } | undefined)?.data;
      if (CREATES.has(`${method} ${path}`) && e.response.status < 300 && data) {
        for (const ref of [data.id, data.public_id]) if (ref !== undefined) created.add(String(ref).toLowerCase());
      }
      // Attach Operator creates an operator from a phone number.
      if (/\/add_operator$/.test(path) && e.response.status < 300) {
        for (const o of (data as { operators?: Array<{ id: number }> } | undefined)?.operators ?? []) created.add(String(o.id));
      }
    }
    expect(violations).toEqual([]);

    const after = await snapshot(options.baseUrl, options.apiKey);
    const seeded = (rows: Array<{ id: number }>, of: Array<{ id: number }>) => rows.filter((r) => of.some((o) => o.id === r.id));
    expect(seeded(after.operators, before.operators)).toEqual(before.operators);
    expect(after.operators).toHaveLength(before.operators.length);
    expect(after.projects).toEqual(before.projects);
    expect(seeded(after.numbers, before.numbers)).toEqual(before.numbers);
    expect(after.recordings).toEqual(before.recordings);
  });
});
