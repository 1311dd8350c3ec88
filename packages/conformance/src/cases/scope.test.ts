/**
 * The scope family is derived from the spec, so an operation that enters it is checked with the
 * project key the day it does — or this test names it. Each operation with a path id is proven
 * caught on its own: against an in-process target that answers a project-scoped key as documented
 * (404, or the documented project-scoped 403) the operation's case passes, and against the same
 * target leaking on that one operation (answering the project key as if it were account-wide) the
 * case fails `scope_isolation`. (The suites do the same against the sandbox with its per-operation
 * `scope-leak:<operationId>` fault.)
 */
import type { OperationInfo } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { doc, validator } from '../../test/helpers.js';
import { situations } from '../checks/error-envelope.js';
import { exampleResponder } from '../engine/dry-run.js';
import { matchOperation, pathBelow } from '../engine/exchange.js';
import { createRun } from '../run.js';
import { hasPathId, isIrreversible } from './facts.js';
import { scopeCases } from './scope.js';
import { pagingOf } from './scope-lists.js';

const operations = validator.operations;
const cases = scopeCases(operations);
const BASE = 'http://127.0.0.1:9/api/v1/public';
const KEYS = { apiKey: 'idc_conformanceMainKey', projectKey: 'idc_conformanceProjectKey' };

/**
 * A target that answers every request with its operation's documented success example, except a
 * project-scoped key on another project's resource: 404 "Resource not found", or the documented
 * project-scoped 403 where the operation has one — unless it is `leaky`, which it answers as if the
 * key were account-wide.
 */
function target(leaky?: string) {
  const examples = exampleResponder(doc, validator, BASE);
  return async (request: Request): Promise<Response> => {
    const op = matchOperation(operations, request.method, pathBelow(request.url, new URL(BASE).pathname));
    const scoped = request.headers.get('authorization') === `Bearer ${KEYS.projectKey}`;
    if (!op || !scoped || op.operationId === leaky) return examples(request);
    const forbidden = situations.projectScoped(op);
    if (forbidden) return Response.json({ error: forbidden.messages[0] }, { status: 403 });
    if (hasPathId(op)) return Response.json({ error: situations.notFound(op)!.messages[0] }, { status: 404 });
    return examples(request);
  };
}

/** Runs setup and the scope case of `op` against {@link target}; the case's outcome and failed checks. */
async function runScopeCase(op: OperationInfo, leaky?: string) {
  const run = createRun({ baseUrl: BASE, ...KEYS, stateless: false, families: ['scope'], fetch: target(leaky) });
  await run.runCase(run.cases[0]!);
  const result = await run.runCase(run.cases.find((c) => c.id === `scope/${op.operationId}`)!);
  return { outcome: result.outcome, checks: [...new Set(result.failures.map((f) => f.check))], failures: result.failures };
}

const checked = operations.filter((op) => hasPathId(op) || situations.projectScoped(op));

describe('the scope family covers the spec', () => {
  it.each(operations.filter(hasPathId))('$operationId (a path id) is checked by scope/$operationId with the project key', (op) => {
    const own = cases.find((c) => c.id === `scope/${op.operationId}`);
    expect(own, `the scope family has no case for ${op.operationId}; it must derive one from the spec (cases/scope.ts)`).toBeDefined();
    expect(own!.operationId).toBe(op.operationId);
    expect(own!.needs).toContain('projectKey');
  });

  it('derives a case for an operation the day it enters the spec (GET /projects/{id}/operators, say)', () => {
    const added = { ...validator.operation('getProject'), operationId: 'listProjectOperators', path: '/projects/{id}/operators' };
    const derived = scopeCases([...operations, added]).find((c) => c.id === 'scope/listProjectOperators');
    expect(derived).toMatchObject({ operationId: 'listProjectOperators', needs: expect.arrayContaining(['projectKey', 'project']) });
  });

  it('has one case per operation with a path id or a documented project-scoped 403, per list of such a kind, and per create the key may use', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const creates = operations.filter(
      (op) => op.method === 'post' && !hasPathId(op) && !situations.projectScoped(op) && !isIrreversible(op),
    );
    const kinds = new Set(operations.filter(hasPathId).map((op) => op.path.split('/')[1]));
    const lists = operations.filter((op) => op.method === 'get' && kinds.has(op.path.slice(1)));
    expect(ids.sort()).toEqual([...checked, ...lists, ...creates].map((op) => `scope/${op.operationId}`).sort());
    // Nothing that changes the target for good is sent with the project key.
    expect(cases.filter((c) => c.operationId && isIrreversible(validator.operation(c.operationId)))).toEqual([]);
  });

  it('walks the paginated list to its end at the largest documented page size, and lists that are not paginated in one request', () => {
    const paged = operations.flatMap((op) => {
      const paging = pagingOf(doc, op);
      return paging ? [{ id: op.operationId, paging }] : [];
    });
    expect(paged.map((p) => p.id)).toEqual(['listRecordings']);
    expect(paged[0]!.paging).toEqual({ size: { name: 'per_page', max: 100 }, page: 'page' });
  });
});

describe('a leak on any one operation fails scope_isolation', () => {
  it.each(checked)(
    '$operationId: passes when the target answers as documented, fails when it leaks there',
    async (op) => {
      const correct = await runScopeCase(op);
      expect(correct.failures).toEqual([]);
      expect(correct.outcome).toBe('passed');
      const leaky = await runScopeCase(op, op.operationId);
      expect(leaky.outcome).toBe('failed');
      expect(leaky.checks).toContain('scope_isolation');
      expect(leaky.failures.find((f) => f.check === 'scope_isolation')!.message).toContain(op.path.split('/')[1]);
    },
    30_000,
  );
});
