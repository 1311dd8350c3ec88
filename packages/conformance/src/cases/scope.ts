/**
 * Project scope, with `--project-key` (a key bound to one project, with read and write). The run's
 * own resources live outside that project, so every case here is derived from the spec:
 *
 * - every operation with a path id is sent with the project key against the run's resource of its
 *   kind (a throwaway one for a delete) with a valid body from its documented request examples, and
 *   must answer 404 with the documented message — never 403, which would tell the key the resource
 *   exists — unless the operation documents the project-scoped 403 (`projectScopedKey` among its
 *   403 examples), which it must answer instead;
 * - an operation without a path id that documents that 403 (creating a project) must answer it;
 * - the list of every kind the run has a resource of does not show it (a project-scoped key sees
 *   only its own project);
 * - what the key creates lands in its project and is its own; naming another project in a create
 *   (`project_id`) is 403.
 *
 * A new operation is covered the day it enters the spec; `scope.test.ts` fails for one that is not.
 */
import type { OperationInfo } from '@identitycall/openapi';
import type { CheckName } from '../checks/catalogue.js';
import { situations } from '../checks/error-envelope.js';
import type { Case, Need } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Expectation } from '../engine/evaluate.js';
import { isCreate, kindOf, REFERENCE_FIELDS, type ResourceKind } from '../engine/ledger.js';
import type { RequestSpec } from '../engine/request.js';
import { sampleAudio } from '../engine/request.js';
import { dataOf, fixtureOf, formSpec, isMultipart, needsOf, ownReferences, recordingRef, requestExamples } from './common.js';
import { pathFor, prepare } from './examples.js';
import { hasPathId, isIrreversible, listOf, readOf, referenceFieldsOf, undoneBy } from './facts.js';
import { listedWithProjectKey } from './scope-lists.js';

/** The reference field that names a project: a project-scoped key may name only its own. */
const SCOPE_FIELD = 'project_id';
/** The kind a project-scoped key is bound to: it sees exactly one resource of it, its own. */
const SCOPE_KIND: ResourceKind = REFERENCE_FIELDS[SCOPE_FIELD]!;

const WHY_HIDDEN = "another project's resource must look absent to a project-scoped key: 404, never 403";

const base = { family: 'scope' as const, tier: 'behaviour' as const, about: ['scope_isolation'] as CheckName[] };

/** The project-scoped 403 `op` documents (its `projectScopedKey` example), if any. */
const projectScoped = (op: OperationInfo) => situations.projectScoped(op);

/** What a project-scoped key must get from `op` on another project's resource. */
function expectationOf(op: OperationInfo): Expectation {
  const forbidden = projectScoped(op);
  if (forbidden) {
    return {
      status: {
        allowed: [403],
        check: 'scope_isolation',
        why: `the spec documents this 403 for a project-scoped key (${forbidden.source})`,
      },
      error: forbidden,
    };
  }
  return { status: { allowed: [404], check: 'scope_isolation', why: WHY_HIDDEN }, error: situations.notFound(op) };
}

/**
 * A valid request to `op`: its required query parameters (references name the run's resources,
 * the others take their documented example) and its first documented request example, its
 * references pointed at the run's resources — valid, so that only the scope can refuse it.
 */
function validRequest(ctx: CaseContext, op: OperationInfo): RequestSpec {
  const query: Record<string, string | number> = {};
  for (const p of op.parameters) {
    if (p.in !== 'query' || !p.required) continue;
    const kind = REFERENCE_FIELDS[p.name];
    const value = kind ? ctx.fixture(fixtureOf(kind)) : p.examples[0]?.value;
    if (typeof value === 'string' || typeof value === 'number') query[p.name] = value;
  }
  const example = ownReferences(ctx, requestExamples(op)[0]?.value);
  if (isMultipart(op)) return { ...formSpec(ctx, op, (example ?? {}) as Record<string, unknown>), query };
  return { op: op.operationId, query, ...(example !== undefined && { json: example }) };
}

/** The name given to what the run creates with the project key: tagged with the run, like every resource it creates. */
const scopedName = (ctx: CaseContext) => `Conformance Scoped ${ctx.session.runId}`;

/** One case per operation with a path id: sent with the project key against the run's resource of its kind. */
function pathCase(op: OperationInfo): Case {
  const forbidden = projectScoped(op);
  const kind = kindOf(op);
  return {
    ...base,
    id: `scope/${op.operationId}`,
    operationId: op.operationId,
    title: forbidden
      ? `${op.operationId}: a project-scoped key gets 403 "${forbidden.messages[0]}"`
      : `${op.operationId}: the run's ${kind} (outside the key's project) is 404 to a project-scoped key, never 403`,
    needs: ['stateful', 'projectKey', ...needsOf(op)],
    async run(ctx) {
      // A delete acts on a throwaway resource, so a server that wrongly obeys keeps the run's fixtures.
      const path = await pathFor(ctx, op);
      // An operation that undoes another (detach) needs it done first, or a leak would still answer 404.
      await prepare(ctx, op, path);
      const request = validRequest(ctx, op);
      await ctx.send({ ...request, path, auth: 'project' }, expectationOf(op));
      // Undo what `prepare` did with the main key (404 when a leaky server already did).
      if (undoneBy(op)) await ctx.send({ ...request, path });
    },
  };
}

/** One case per operation without a path id that documents the project-scoped 403 (creating a project). */
function forbiddenCase(op: OperationInfo): Case {
  return {
    ...base,
    id: `scope/${op.operationId}`,
    operationId: op.operationId,
    title: `${op.operationId}: a project-scoped key gets 403 "${projectScoped(op)!.messages[0]}"`,
    needs: ['stateful', 'projectKey', ...needsOf(op)],
    async run(ctx) {
      const request = validRequest(ctx, op);
      // Named with the run's tag: a server that wrongly obeys creates it, the run adopts and deletes it.
      if (request.json && typeof request.json === 'object') request.json = { ...request.json, name: scopedName(ctx) };
      await ctx.send({ ...request, auth: 'project' }, expectationOf(op));
    },
  };
}

/** One case per list of a kind the run has a resource of: the project key must not see it listed. */
function listCase(kind: ResourceKind, list: OperationInfo, read: OperationInfo): Case {
  const scopeKind = kind === SCOPE_KIND;
  return {
    ...base,
    id: `scope/${list.operationId}`,
    operationId: list.operationId,
    title: scopeKind
      ? `${list.operationId}: a project-scoped key lists only its own ${kind}, not the run's`
      : `${list.operationId}: a project-scoped key does not see the run's ${kind} listed`,
    needs: [...new Set<Need>(['stateful', 'projectKey', fixtureOf(kind), ...needsOf(read)])],
    async run(ctx) {
      const own = ctx.fixture(fixtureOf(kind));
      const { items, last } = await listedWithProjectKey(ctx, list);
      const leaked = items.find(({ item }) => String(item.id) === String(own) || String(item.public_id) === String(own));
      ctx.check(
        'scope_isolation',
        leaked === undefined,
        `${list.operationId} with the project key lists the run's ${kind} ${own}, which is outside the key's project`,
        leaked?.exchange ?? last,
      );
      if (scopeKind) {
        ctx.check(
          'scope_isolation',
          items.length === 1,
          `${list.operationId} with the project key lists ${items.length} ${kind}; a project-scoped key sees only its own`,
          last,
        );
      }
    },
  };
}

/**
 * One case per create the key may use: what it creates (from the first documented example that
 * names no other resource, so the key's project is implied) is its own; a create that names
 * another project (`project_id`) is 403.
 */
function createCase(op: OperationInfo, read: OperationInfo): Case {
  const kind = kindOf(op);
  const namesProject = referenceFieldsOf(op).includes(SCOPE_FIELD);
  return {
    ...base,
    id: `scope/${op.operationId}`,
    operationId: op.operationId,
    title: `${op.operationId}: what a project-scoped key creates is its own${namesProject ? `; naming another project (${SCOPE_FIELD}) is 403` : ''}`,
    needs: ['stateful', 'projectKey', ...needsOf(op)],
    async run(ctx) {
      if (namesProject) {
        await ctx.send(
          { ...validRequest(ctx, op), auth: 'project' },
          {
            status: {
              allowed: [403],
              check: 'scope_isolation',
              why: `a project-scoped key may not name another project in ${SCOPE_FIELD}`,
            },
          },
        );
      }
      const created = await ctx.send({ ...ownCreate(ctx, op), auth: 'project' }, { kind: 'positive' });
      // A resource is named by its public_id where it has one (a recording), the others by their id.
      const id = recordingRef(dataOf(created));
      if (id === undefined) return;
      const fetched = await ctx.send({ op: read.operationId, path: { id }, auth: 'project' });
      ctx.check(
        'scope_isolation',
        fetched.response.status === 200,
        `the ${kind} ${id} created with the project key is ${fetched.response.status} to that key; it belongs to the key's project`,
        fetched,
      );
    },
  };
}

/** A create with the project key: its first documented example that names no other resource, named with the run's tag. */
function ownCreate(ctx: CaseContext, op: OperationInfo): RequestSpec {
  const references = Object.keys(REFERENCE_FIELDS);
  const examples = requestExamples(op).map((e) => (e.value && typeof e.value === 'object' ? (e.value as Record<string, unknown>) : {}));
  const example = examples.find((e) => !references.some((field) => field in e)) ?? {};
  const fields = Object.fromEntries(Object.entries(example).filter(([field]) => !references.includes(field)));
  if (!isMultipart(op)) return { op: op.operationId, json: { ...fields, name: scopedName(ctx) } };
  const form: Record<string, string | number> = {};
  for (const [k, v] of Object.entries({ ...fields, name: scopedName(ctx) }))
    if (k !== 'file' && (typeof v === 'string' || typeof v === 'number')) form[k] = v;
  return { op: op.operationId, form: { fields: form, file: sampleAudio() } };
}

/**
 * The scope cases for `operations`: one per operation with a path id, one per operation that
 * documents the project-scoped 403, one per list of a kind with a resource of the run, one per
 * create the key may use. Creates that cannot be undone (a purchase) are left out.
 */
export function scopeCases(operations: readonly OperationInfo[]): Case[] {
  const cases: Case[] = operations.filter(hasPathId).map(pathCase);
  cases.push(...operations.filter((op) => !hasPathId(op) && projectScoped(op)).map(forbiddenCase));
  const kinds = [...new Set(operations.filter(hasPathId).map(kindOf))];
  for (const kind of kinds) {
    const list = listOf(kind);
    const read = readOf(kind);
    if (list && read) cases.push(listCase(kind, list, read));
  }
  for (const op of operations) {
    if (!isCreate(op) || hasPathId(op) || projectScoped(op) || isIrreversible(op)) continue;
    const read = readOf(kindOf(op));
    if (read) cases.push(createCase(op, read));
  }
  return cases;
}
