/**
 * The sandbox against the spec: every operation has a handler, every documented error string the
 * sandbox uses is one of the spec's examples, the seed's keys have the documented format, and the
 * response check the other tests rely on really rejects undocumented answers.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../src/resources/registry.js';
import { MESSAGES } from '../src/errors/api-error.js';
import { loadSeedFile } from '../src/index.js';
import { expectDocumented, spec, validator } from './helpers.js';

/** Every `error` string and `errors` item among the spec's response examples. */
function documentedStrings(): Set<string> {
  const out = new Set<string>();
  for (const op of validator.operations) {
    for (const r of op.responses) {
      for (const media of r.content) {
        for (const ex of media.examples) {
          const v = ex.value as { error?: unknown; errors?: unknown };
          if (typeof v?.error === 'string') out.add(v.error);
          if (Array.isArray(v?.errors)) for (const e of v.errors) if (typeof e === 'string') out.add(e);
        }
      }
    }
  }
  return out;
}

describe('spec coverage', () => {
  it('has a handler for every operation of the spec, and none for operations it lacks', () => {
    const ids = validator.operations.map((op) => op.operationId).sort();
    expect(Object.keys(handlers).sort()).toEqual(ids);
    expect(ids).toHaveLength(25);
  });

  it.each(Object.entries(MESSAGES))('uses the documented string %s = "%s"', (_name, message) => {
    expect(documentedStrings()).toContain(message);
  });

  it('seeds only keys of the documented format', () => {
    const seed = loadSeedFile();
    expect(seed.keys.length).toBeGreaterThanOrEqual(6);
    for (const k of seed.keys) expect(k.key).toMatch(/^idc_[A-Za-z0-9]{32}$/);
  });

  it('serves the base path of the spec server URL', () => {
    expect(new URL(spec.servers![0]!.url).pathname).toBe('/api/v1/public');
  });
});

describe('the response check used by every test', () => {
  const answer = (status: number, body: unknown) => ({
    status,
    body,
    headers: new Headers({ 'content-type': 'application/json' }),
  });

  it('accepts a documented answer', () => {
    expect(() => expectDocumented('DELETE', '/operators/42', answer(200, { success: true }))).not.toThrow();
  });

  it.each([
    { name: 'a wrong field type', method: 'GET', path: '/operators/42', status: 200, body: { data: { id: 'x' } } },
    { name: 'an undocumented status', method: 'GET', path: '/operators/42', status: 418, body: { error: 'teapot' } },
    { name: 'a 5xx', method: 'GET', path: '/operators', status: 500, body: { error: 'Internal server error' } },
    { name: 'a 422 in the wrong envelope', method: 'PATCH', path: '/operators/42', status: 422, body: { error: 'x' } },
  ])('rejects $name', ({ method, path, status, body }) => {
    expect(() => expectDocumented(method, path, answer(status, body))).toThrow();
  });
});
