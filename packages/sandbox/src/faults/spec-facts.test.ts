/**
 * The faults read their operations from the spec: an operation added to a copy of the spec that
 * returns operators (or lives under `/operators`) is picked up by `operator-missing-initials` and
 * `scope-leaks-operators` without a list to edit, and `scope-leak:<operationId>` leaks exactly the
 * operation it names. (Handlers are called with the faults installed, as the pipeline would call
 * them; the suites run the engine against sandboxes started with each fault.)
 */
import { listOperations, loadSpec, resolveRef, type OpenAPIDocument } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../pipeline/context.js';
import type { Answer, RequestInfo } from '../pipeline/hooks.js';
import { HANDLERS } from '../resources/registry.js';
import { loadSeedFile } from '../state/seed.js';
import { Store } from '../state/store.js';
import { createRequestValidation } from '../validation/request-validation.js';
import { specValidator } from '../validation/spec-validator.js';
import { DEFAULT_UPLOAD_LIMITS } from '../validation/upload-formats.js';
import { installFaults } from './install.js';
import { editAt, locationsOf, operationsOn, operatorBodies, operatorSchemas } from './spec-facts.js';

const doc = loadSpec();

const seed = loadSeedFile();
/** The seeded keys: the account-wide one with every permission, and one bound to project 42. */
const KEYS = {
  full: seed.keys.find((k) => k.project_id === null && k.permissions.length === 3)!,
  project42: seed.keys.find((k) => k.project_id === 42 && k.permissions.length === 3)!,
};

/** The seeded sandbox's handlers and hooks with `faults` installed (no server: what a request would reach). */
function faulty(faults: string[]) {
  const store = new Store(seed);
  const validation = createRequestValidation(doc, specValidator(doc));
  const app = {
    store,
    validation,
    settings: { phoneRegion: 'US', processing: 'on-read' as const, uploadLimits: { ...DEFAULT_UPLOAD_LIMITS } },
  };
  const { handlers, hooks } = installFaults(faults, { store, handlers: HANDLERS, validation });
  /** Calls the handler of `operationId` with `key` as the pipeline would, and the answer hook on its result (or error). */
  const call = (operationId: string, key: typeof KEYS.full, params: RequestContext['params'] = {}) => {
    const op = specValidator(doc).operation(operationId);
    const scope = { key, projectId: key.project_id };
    let result: { status: number; body?: unknown };
    try {
      result = handlers[operationId]!({ app, op, scope, params, query: {}, body: undefined, form: undefined });
    } catch (e) {
      result = { status: (e as { status?: number }).status ?? 500 };
    }
    const answer: Answer = { status: result.status, body: result.body, headers: {}, close: false };
    return hooks.answer ? hooks.answer(answer, { req: {} as RequestInfo['req'], op, scope }) : answer;
  };
  return call;
}

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

describe('operator-missing-initials', () => {
  it('drops initials from every operator body the spec names, and from nothing else', () => {
    const call = faulty(['operator-missing-initials']);
    const list = call('listOperators', KEYS.full).body as { data: object[] };
    expect(list.data.length).toBeGreaterThan(1);
    for (const o of list.data) expect(o).not.toHaveProperty('initials');
    expect(call('getOperator', KEYS.full, { id: 42 }).body).not.toHaveProperty('data.initials');
    // A virtual number's operators are previews of another schema: untouched.
    const number = call('getVirtualNumber', KEYS.full, { id: 7 }).body as { data: { operators: object[] } };
    expect(number.data.operators.length).toBeGreaterThan(0);
    for (const o of number.data.operators) expect(o).toHaveProperty('initials');
    // Without the fault, the same bodies carry initials.
    expect(faulty([])('getOperator', KEYS.full, { id: 42 }).body).toHaveProperty('data.initials');
  });
});

describe('scope-leak:<operationId>', () => {
  it('leaks exactly the operation it names: another project is visible there and 404 everywhere else', () => {
    const call = faulty(['scope-leak:getRecordingSummary']);
    // Recording 125 belongs to project 43; the key is bound to project 42.
    expect(seed.recordings.find((r) => r.id === 125)?.project_id).toBe(43);
    expect(call('getRecordingSummary', KEYS.project42, { id: 125 }).status).toBe(200);
    expect(call('getRecording', KEYS.project42, { id: 125 }).status).toBe(404);
    expect(call('getRecordingResults', KEYS.project42, { id: 125 }).status).toBe(404);
    expect(faulty([])('getRecordingSummary', KEYS.project42, { id: 125 }).status).toBe(404);
  });

  it('refuses an operation the spec does not have, saying what to name', () => {
    expect(() => faulty(['scope-leak:getNothing'])).toThrow(
      'Unknown operation "getNothing" in sandbox fault "scope-leak:getNothing": name an operationId of the spec.',
    );
    expect(() => faulty(['scope-leaks'])).toThrow(
      /Unknown sandbox fault "scope-leaks"\. Known faults: .*; or scope-leak:<operationId> for any operation$/,
    );
  });
});
