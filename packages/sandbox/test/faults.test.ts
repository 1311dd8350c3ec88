/**
 * Injected faults (for testing test suites): the catalogue, an unknown name refused, and each
 * sampled fault visibly wrong in the way it says. Without faults the sandbox is what every other
 * test here checks.
 */
import { describe, expect, it } from 'vitest';
import { FAULTS, startSandbox, type FaultName } from '../src/index.js';
import { KEYS } from './helpers.js';

async function withFault<T>(fault: FaultName, fn: (url: string) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, faults: [fault], onError: () => {} });
  try {
    return await fn(sandbox.url);
  } finally {
    await sandbox.stop();
  }
}

const auth = { authorization: `Bearer ${KEYS.full}` };

describe('the fault catalogue', () => {
  it('has at least 20 faults, each with a description', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(20);
    for (const f of FAULTS) expect(f.description).toMatch(/\w.{20,}/);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  });

  it('refuses an unknown fault, naming the known ones', async () => {
    await expect(startSandbox({ port: 0, faults: ['no-such-fault' as FaultName] })).rejects.toThrow(
      /Unknown sandbox fault "no-such-fault". Known faults: create-operator-200/,
    );
  });
});

describe('faults are visible', () => {
  it.each([
    {
      fault: 'create-operator-200' as const,
      request: { method: 'POST', path: '/operators', body: { name: 'Greta Hall', phone_number: '+15555550199' } },
      expected: { status: 200 },
    },
    {
      fault: 'wrong-not-found-message' as const,
      request: { method: 'GET', path: '/operators/999' },
      expected: { status: 404, body: { error: 'Not found' } },
    },
    { fault: 'missing-key-403' as const, request: { method: 'GET', path: '/operators', key: null }, expected: { status: 403 } },
    { fault: 'auth-ignored' as const, request: { method: 'GET', path: '/operators', key: null }, expected: { status: 200 } },
    {
      fault: 'wrong-content-type' as const,
      request: { method: 'GET', path: '/projects/42' },
      expected: { status: 200, contentType: 'text/plain; charset=utf-8' },
    },
    {
      fault: 'malformed-json-500' as const,
      request: { method: 'PATCH', path: '/operators/42', raw: '{"name": ' },
      expected: { status: 500 },
    },
    { fault: 'method-not-allowed-404' as const, request: { method: 'PUT', path: '/operators/42' }, expected: { status: 404 } },
    {
      fault: 'malformed-id-400' as const,
      request: { method: 'GET', path: '/operators/abc' },
      expected: { status: 400, body: { error: 'id is not a valid id' } },
    },
  ])('$fault', async ({ fault, request, expected }) => {
    await withFault(fault, async (url) => {
      const headers: Record<string, string> = 'key' in request && request.key === null ? {} : { ...auth };
      let body: string | undefined;
      if ('body' in request) body = JSON.stringify(request.body);
      if ('raw' in request) body = request.raw;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${request.path}`, { method: request.method, headers, body });
      expect(res.status).toBe(expected.status);
      if ('body' in expected) expect(await res.json()).toEqual(expected.body);
      if ('contentType' in expected) expect(res.headers.get('content-type')).toBe(expected.contentType);
    });
  });

  it('pagination-meta-off-by-one reports one page too many', async () => {
    await withFault('pagination-meta-off-by-one', async (url) => {
      const res = await fetch(`${url}/recordings?per_page=2`, { headers: auth });
      expect(((await res.json()) as { meta: unknown }).meta).toEqual({ current_page: 1, per_page: 2, total_pages: 3, total_count: 4 });
    });
  });
});
