/**
 * `x-undoes` (DECISIONS.md B23): an operation that reverses another one's effect names it, so tools
 * know a valid call needs the other one first (Detach Operator answers 404 for an operator that
 * Attach Operator did not attach). Checked on the real document and on edited copies that break
 * each rule.
 */
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, listOperations, loadSpec, type OpenAPIDocument } from './index.js';

const doc = loadSpec();

/** Every `x-undoes` of the document, by the operation that carries it. */
function undoings(d: OpenAPIDocument): Array<{ operationId: string; path: string; method: string; undoes: unknown }> {
  const out = [];
  for (const [path, item] of Object.entries(d.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, Record<string, unknown> | undefined>)[method];
      if (op && 'x-undoes' in op) out.push({ operationId: String(op.operationId), path, method, undoes: op['x-undoes'] });
    }
  }
  return out;
}

/** What is wrong with the document's `x-undoes`, one line per problem. */
function undoProblems(d: OpenAPIDocument): string[] {
  const operations = listOperations(d);
  const parent = (path: string) => path.slice(0, path.lastIndexOf('/'));
  const problems: string[] = [];
  for (const u of undoings(d)) {
    const target = operations.find((o) => o.operationId === u.undoes);
    const self = operations.find((o) => o.operationId === u.operationId)!;
    if (typeof u.undoes !== 'string' || !target)
      problems.push(`${u.operationId}: x-undoes names no operation of the spec (${JSON.stringify(u.undoes)})`);
    else if (target.operationId === u.operationId) problems.push(`${u.operationId}: x-undoes names itself`);
    else {
      if (parent(target.path) !== parent(u.path))
        problems.push(`${u.operationId}: x-undoes ${target.operationId} acts on ${parent(target.path)}, not ${parent(u.path)}`);
      if (target.method === 'get' || u.method === 'get')
        problems.push(`${u.operationId}: x-undoes pairs a read with ${target.operationId}; only changes can be undone`);
      if (!self.responses.some((r) => r.status === '404'))
        problems.push(`${u.operationId}: x-undoes needs a documented 404 for the call without the undone one`);
    }
  }
  return problems;
}

function edited(edit: (d: OpenAPIDocument) => void): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  edit(copy);
  return copy;
}
const detach = (d: OpenAPIDocument) =>
  (d.paths['/virtual_numbers/{id}/remove_operator'] as Record<string, Record<string, unknown>>).delete!;

describe('x-undoes', () => {
  it('Detach Operator undoes Attach Operator', () => {
    expect(undoings(doc).map((u) => [u.operationId, u.undoes])).toEqual([['removeVirtualNumberOperator', 'addVirtualNumberOperator']]);
  });

  it('names an operation on the same resource, both changes, with a documented 404', () => {
    expect(undoProblems(doc)).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown operation',
      edit: (d: OpenAPIDocument) => (detach(d)['x-undoes'] = 'attachOperator'),
      problem: /names no operation/,
    },
    { name: 'itself', edit: (d: OpenAPIDocument) => (detach(d)['x-undoes'] = 'removeVirtualNumberOperator'), problem: /names itself/ },
    {
      name: 'another resource',
      edit: (d: OpenAPIDocument) => (detach(d)['x-undoes'] = 'createOperator'),
      problem: /acts on .*, not \/virtual_numbers\/\{id\}/,
    },
    {
      name: 'a read',
      edit: (d: OpenAPIDocument) =>
        ((d.paths['/recordings/{id}/results'] as Record<string, Record<string, unknown>>).get!['x-undoes'] = 'getRecordingTranscription'),
      problem: /getRecordingResults: x-undoes pairs a read/,
    },
    {
      name: 'no documented 404',
      edit: (d: OpenAPIDocument) => delete (detach(d).responses as Record<string, unknown>)['404'],
      problem: /needs a documented 404/,
    },
  ])('is refused when it names $name', ({ edit, problem }) => {
    expect(undoProblems(edited(edit)).join('\n')).toMatch(problem);
  });
});
