/**
 * The faults read their operations from the spec: an operation added to a copy of the spec that
 * returns operators (or lives under `/operators`) is picked up by `operator-missing-initials` and
 * `scope-leaks-operators` without a list to edit, and `scope-leak:<operationId>` leaks exactly the
 * operation it names on a running sandbox.
 */
import { listOperations, loadSpec, resolveRef, type OpenAPIDocument } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { loadSeedFile, startSandbox } from '../index.js';
import type { FaultName } from './catalogue.js';
import { editAt, locationsOf, operationsOn, operatorBodies, operatorSchemas } from './spec-facts.js';

const doc = loadSpec();

/** The seeded keys: the account-wide one with every permission, and one bound to project 42. */
const seeded = loadSeedFile().keys;
const KEYS = {
  full: seeded.find((k) => k.project_id === null && k.permissions.length === 3)!.key,
  project42: seeded.find((k) => k.project_id === 42 && k.permissions.length === 3)!.key,
};

/** A copy of the spec with extra paths. */
function withPaths(paths: Record<string, unknown>): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  Object.assign(copy.paths as Record<string, unknown>, paths);
  return copy;
}

const ok = (schema: unknown) => ({ '200': { description: 'OK', content: { 'application/json': { schema } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('operations that return operators, read from the spec', () => {
  it('are the operations whose success bodies reach an operator schema, with where', () => {
    const bodies = operatorBodies();
    expect(bodies.size).toBeGreaterThan(0);
    // Each operation on /operators that answers a `data` is among them (Delete Operator answers a bare flag).
    const hasData = (schema: unknown) =>
      resolveRef<{ properties?: object }>(doc, schema).properties !== undefined &&
      'data' in resolveRef<{ properties: object }>(doc, schema).properties;
    const withData = operationsOn('operators').filter((op) =>
      op.responses.some((r) => /^2/.test(r.status) && r.content.some((m) => m.schema !== undefined && hasData(m.schema))),
    );
    expect(withData.length).toBeGreaterThan(1);
    for (const op of withData) expect(bodies.has(op.operationId), op.operationId).toBe(true);
    // A list carries them as the items of `data`, a read as `data` itself.
    const steps = [...bodies.values()].flat().map((s) => s.join('.'));
    expect(new Set(steps)).toEqual(new Set(['data', 'data.[]']));
    // The operator previews of a virtual number are another schema, not an operator.
    for (const op of operationsOn('virtual_numbers')) expect(bodies.has(op.operationId), op.operationId).toBe(false);
  });

  it('picks up a new operation that returns operators, at any depth, and nothing else', () => {
    const listOf = operatorSchemas(doc, listOperations(doc));
    const item = [...listOf][0]!;
    const edited = withPaths({
      '/projects/{id}/operators': { get: { operationId: 'listProjectOperators', responses: ok(ref('OperatorListResponse')) } },
      '/projects/{id}/team': {
        get: {
          operationId: 'getProjectTeam',
          responses: ok({
            type: 'object',
            properties: { data: { type: 'object', properties: { operators: { type: 'array', items: { $ref: item } } } } },
          }),
        },
      },
      '/projects/{id}/numbers': { get: { operationId: 'listProjectNumbers', responses: ok(ref('VirtualNumberListResponse')) } },
    });
    const bodies = operatorBodies(edited, listOperations(edited));
    expect(bodies.get('listProjectOperators')).toEqual([['data', '[]']]);
    expect(bodies.get('getProjectTeam')).toEqual([['data', 'operators', '[]']]);
    expect(bodies.has('listProjectNumbers')).toBe(false);
  });

  it('follows a cycle of references without looping', () => {
    const edited = structuredClone(doc) as OpenAPIDocument & { components: { schemas: Record<string, unknown> } };
    edited.components.schemas.Loop = { type: 'object', properties: { next: ref('Loop') } };
    const op = {
      ...listOperations(doc)[0]!,
      responses: [
        { status: '200', description: '', headers: {}, content: [{ contentType: 'application/json', schema: ref('Loop'), examples: [] }] },
      ],
    };
    expect(locationsOf(edited, op, new Set(['#/components/schemas/Nothing']))).toEqual([]);
  });

  it('edits the value at each step, through arrays, and leaves other shapes alone', () => {
    const drop = (o: unknown) => ({ ...(o as object), gone: true });
    expect(editAt({ data: [{ a: 1 }, { a: 2 }] }, ['data', '[]'], drop)).toEqual({
      data: [
        { a: 1, gone: true },
        { a: 2, gone: true },
      ],
    });
    expect(editAt({ data: { a: 1 } }, ['data', '[]'], drop)).toEqual({ data: { a: 1 } });
    expect(editAt({ other: 1 }, ['data'], drop)).toEqual({ other: 1 });
  });

  it('scope-leaks-operators covers every operation on /operators, including a new one', () => {
    const edited = withPaths({ '/operators/{id}/notes': { get: { operationId: 'getOperatorNotes', responses: ok({ type: 'object' }) } } });
    const ids = operationsOn('operators', listOperations(edited)).map((op) => op.operationId);
    expect(ids).toContain('getOperatorNotes');
    expect(ids).toEqual(expect.arrayContaining(operationsOn('operators').map((op) => op.operationId)));
    expect(
      ids.every((id) =>
        listOperations(edited)
          .find((op) => op.operationId === id)!
          .path.startsWith('/operators'),
      ),
    ).toBe(true);
  });
});

const get = (url: string, key: string) => fetch(url, { headers: { authorization: `Bearer ${key}` } });

describe('operator-missing-initials', () => {
  it('drops initials from every operator body the spec names, and from nothing else', async () => {
    const sandbox = await startSandbox({ port: 0, faults: ['operator-missing-initials'], onError: () => {} });
    try {
      const list = (await (await get(`${sandbox.url}/operators`, KEYS.full)).json()) as { data: object[] };
      expect(list.data.length).toBeGreaterThan(1);
      for (const o of list.data) expect(o).not.toHaveProperty('initials');
      expect((await (await get(`${sandbox.url}/operators/42`, KEYS.full)).json()) as { data: object }).not.toHaveProperty('data.initials');
      // A virtual number's operators are previews of another schema: untouched.
      const number = (await (await get(`${sandbox.url}/virtual_numbers/7`, KEYS.full)).json()) as { data: { operators: object[] } };
      expect(number.data.operators.length).toBeGreaterThan(0);
      for (const o of number.data.operators) expect(o).toHaveProperty('initials');
    } finally {
      await sandbox.stop();
    }
  });
});

describe('scope-leak:<operationId>', () => {
  it('leaks exactly the operation it names: another project is visible there and 404 everywhere else', async () => {
    const sandbox = await startSandbox({ port: 0, faults: ['scope-leak:getRecordingSummary'], onError: () => {} });
    try {
      // Recording 125 belongs to project 43; the key is bound to project 42.
      expect((await get(`${sandbox.url}/recordings/125/summary`, KEYS.project42)).status).toBe(200);
      expect((await get(`${sandbox.url}/recordings/125`, KEYS.project42)).status).toBe(404);
      expect((await get(`${sandbox.url}/recordings/125/results`, KEYS.project42)).status).toBe(404);
    } finally {
      await sandbox.stop();
    }
  });

  it('refuses an operation the spec does not have, saying what to name', async () => {
    await expect(startSandbox({ port: 0, faults: ['scope-leak:getNothing' as FaultName] })).rejects.toThrow(
      'Unknown operation "getNothing" in sandbox fault "scope-leak:getNothing": name an operationId of the spec.',
    );
    await expect(startSandbox({ port: 0, faults: ['scope-leaks' as FaultName] })).rejects.toThrow(
      /Unknown sandbox fault "scope-leaks"\. Known faults: .*; or scope-leak:<operationId> for any operation$/,
    );
  });
});
