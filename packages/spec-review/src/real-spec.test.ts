/**
 * End to end on the real spec (issue 7, "Done when"): a temporary copy of spec/openapi.yaml is
 * edited — a response field removed, an optional request field added, an enum narrowed, an
 * operation added — and the report must classify each edit correctly. Also: the real spec
 * compared with itself reports nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parse, parseDocument, type Document } from 'yaml';
import { runSpecDiff } from './commands/spec-diff.js';
import type { Change } from './diff/types.js';
import { tempDir } from './testing/helpers.js';

const realSpec = fileURLToPath(new URL('../../../spec/openapi.yaml', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const tmp = tempDir('spec-review-e2e-');
afterAll(() => tmp.cleanup());

/** Finds a mapping node by path, or fails naming what the test expected the real spec to have. */
function mapAt(doc: Document, path: string[]) {
  const node = doc.getIn(path, true);
  if (!isMap(node)) throw new Error(`The real spec has no mapping at ${path.join('.')}; update this test to the spec.`);
  return node;
}

function seqAt(doc: Document, path: string[]) {
  const node = doc.getIn(path, true);
  if (!isSeq(node)) throw new Error(`The real spec has no list at ${path.join('.')}; update this test to the spec.`);
  return node;
}

/** The schema every operator representation is built on; the edit below removes a field from it. */
const OPERATOR_SCHEMA = 'OperatorBase';

/**
 * The operations whose success responses reach `components/schemas/<schema>` through `$ref`s, read
 * from the real spec: those a change to that schema changes for clients.
 */
function operationsReaching(schema: string): Set<string> {
  const spec = parse(readFileSync(realSpec, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; responses?: object }>>;
  };
  const target = `#/components/schemas/${schema}`;
  const at = (ref: string): unknown =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  const reaches = (node: unknown, seen: Set<string>): boolean => {
    if (Array.isArray(node)) return node.some((n) => reaches(n, seen));
    if (!node || typeof node !== 'object') return false;
    const { $ref: ref } = node as { $ref?: unknown };
    if (typeof ref === 'string') {
      if (ref === target) return true;
      if (seen.has(ref)) return false;
      seen.add(ref);
      return reaches(at(ref), seen);
    }
    // Examples are data, not schemas.
    return Object.entries(node).some(([key, value]) => key !== 'examples' && key !== 'example' && reaches(value, seen));
  };
  const found = new Set<string>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      if (op.operationId && success.some(([, response]) => reaches(response, new Set()))) found.add(op.operationId);
    }
  }
  return found;
}

const base = join(tmp.dir, 'base.yaml');
const head = join(tmp.dir, 'head.yaml');
copyFileSync(realSpec, base);
const doc = parseDocument(readFileSync(realSpec, 'utf8'));
// 1. Remove a response field: `initials` from every operator representation.
mapAt(doc, ['components', 'schemas', OPERATOR_SCHEMA, 'properties']).delete('initials');
const required = seqAt(doc, ['components', 'schemas', OPERATOR_SCHEMA, 'required']);
required.delete(required.items.findIndex((i) => String(i) === 'initials'));
// 2. Add an optional request field to Update Operator.
mapAt(doc, ['components', 'schemas', 'OperatorUpdate', 'properties']).set(
  'notes',
  doc.createNode({ type: 'string', description: 'Free text.' }),
);
// 3. Narrow an enum used both as a query filter (request) and in recordings (response).
const statuses = seqAt(doc, ['components', 'schemas', 'RecordingStatus', 'enum']);
statuses.delete(statuses.items.findIndex((i) => String(i) === 'failed'));
// 4. Add an operation.
mapAt(doc, ['paths']).set(
  '/operators/{id}/projects',
  doc.createNode({
    get: {
      operationId: 'listOperatorProjects',
      tags: ['Operators'],
      summary: "List an operator's projects",
      security: [{ bearerAuth: [] }],
      'x-permission': 'read',
      parameters: [{ $ref: '#/components/parameters/OperatorId' }],
      responses: { '200': { description: 'The projects.' }, '401': { $ref: '#/components/responses/Unauthorized' } },
    },
  }),
);
writeFileSync(head, doc.toString());

const outcome = runSpecDiff({ cwd: tmp.dir, baseFile: base, headFile: head });
const apiChanges = outcome.diff.changes.filter((c) => c.family !== 'documentation');
const find = (rule: string, where?: (c: Change) => boolean) => apiChanges.filter((c) => c.rule === rule && (!where || where(c)));

describe('spec:diff on an edited copy of the real spec', () => {
  it('classifies the removed response field as breaking, in every operation that returns operators', () => {
    const removed = find('response-property-removed', (c) => c.path.endsWith('initials'));
    const returningOperators = operationsReaching(OPERATOR_SCHEMA);
    // The walk finds what it looks for: lists and single operators alike.
    expect(returningOperators.size).toBeGreaterThan(1);
    expect(new Set(removed.map((c) => c.operation?.operationId))).toEqual(returningOperators);
    expect(removed.map((c) => c.path)).toContain('data[].initials');
    expect(removed.every((c) => c.severity === 'breaking')).toBe(true);
  });

  it('classifies the optional request field as non-breaking', () => {
    expect(find('request-optional-property-added')).toEqual([
      expect.objectContaining({
        severity: 'non-breaking',
        path: 'notes',
        operation: expect.objectContaining({ operationId: 'updateOperator' }),
      }),
    ]);
  });

  it('classifies the narrowed enum by position: breaking where clients send it, not where they read it', () => {
    const sent = find('request-enum-value-removed');
    expect(sent).toEqual([
      expect.objectContaining({
        severity: 'breaking',
        where: 'query parameter `status`',
        operation: expect.objectContaining({ operationId: 'listRecordings' }),
      }),
    ]);
    const read = find('response-enum-value-removed');
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((c) => c.severity === 'non-breaking' && c.path.endsWith('status') && c.message.includes('`failed`'))).toBe(true);
  });

  it('classifies the new operation as non-breaking', () => {
    expect(find('operation-added')).toEqual([
      expect.objectContaining({
        severity: 'non-breaking',
        operation: { method: 'GET', path: '/operators/{id}/projects', operationId: 'listOperatorProjects' },
      }),
    ]);
  });

  it('finds nothing else, and fails the gate because something breaks', () => {
    const rules = new Set(apiChanges.map((c) => c.rule));
    expect([...rules].sort()).toEqual([
      'operation-added',
      'request-enum-value-removed',
      'request-optional-property-added',
      'response-enum-value-removed',
      'response-property-removed',
    ]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.markdown).toContain('### Breaking');
    expect(outcome.markdown).toContain('| `GET /operators/{id}/projects` listOperatorProjects | operation | Operation added. |');
  });

  it('prints the same report through the CLI and exits 1', () => {
    const run = spawnSync(process.execPath, [cli, 'diff', '--base-file', base, '--head-file', head], { cwd: tmp.dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(outcome.markdown);
  });

  it('reports no change when the real spec is compared with itself', () => {
    const same = runSpecDiff({ cwd: tmp.dir, baseFile: base, headFile: realSpec });
    expect(same.diff.changes).toEqual([]);
    expect(same.exitCode).toBe(0);
  });
});
