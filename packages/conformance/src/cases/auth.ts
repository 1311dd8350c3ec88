/**
 * Requests the API must refuse whoever sends them: without a key, with a malformed Authorization
 * header, with a well-formed key that does not exist (`ignored_auth`: 401 with a documented
 * message); and with a method the path does not document (`unsupported_method`: 405 with Allow).
 */
import { resolveRef, type OperationInfo } from '@identitycall/openapi';
import { situations } from '../checks/error-envelope.js';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { documentedMethods } from '../engine/exchange.js';
import { ABSENT_ID, ABSENT_RECORDING, isMutating, kindOf, REFERENCE_FIELDS } from '../engine/ledger.js';
import type { Auth, RequestSpec } from '../engine/request.js';
import { compiledSpec } from '../engine/spec.js';
import { fixtureOf, formSpec, isMultipart, ownPath, ownReferences, requestExamples } from './common.js';
import { isIrreversible } from './facts.js';

/**
 * Path values that cannot name anything (for requests that could change what they name): an
 * integer id far above any sequence, or for a string id (a recording's UUID) a nil-like UUID.
 */
function absentPath(op: OperationInfo): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const p of op.parameters) {
    if (p.in !== 'path') continue;
    const schema = p.schema === undefined ? {} : resolveRef<{ type?: unknown }>(compiledSpec().doc, p.schema);
    values[p.name] = schema.type === 'integer' ? ABSENT_ID : ABSENT_RECORDING;
  }
  return values;
}

/** A well-formed key (`idc_` and 32 alphanumerics) that no deployment issued. */
export const unknownKey = (runId: string) => `idc_${`conformanceUnknownKey${runId}`.padEnd(32, '0').slice(0, 32)}`;

/** The request of `op` with `auth`: reads name the run's resources, changes name nothing that exists. */
function specFor(ctx: CaseContext, op: OperationInfo, auth: Auth): RequestSpec {
  const path = isMutating(op.method) ? absentPath(op) : ownPath(ctx, op);
  const query: Record<string, string | number> = {};
  for (const p of op.parameters)
    if (p.in === 'query' && p.required) query[p.name] = p.name in REFERENCE_FIELDS ? ABSENT_ID : String(p.examples[0]?.value ?? '1');
  if (isMultipart(op)) return { ...formSpec(ctx, op, {}), path, query, auth };
  // A create that cannot be undone (a purchase) gets an empty body: a server that wrongly ignored
  // the key still could not carry it out.
  const body = isIrreversible(op) ? {} : ownReferences(ctx, requestExamples(op)[0]?.value);
  return { op: op.operationId, path, query, auth, ...(body !== undefined && { json: body }) };
}

function authCase(op: OperationInfo): Case {
  return {
    id: `auth/${op.operationId}`,
    family: 'auth',
    title: `${op.operationId}: refuses a missing, malformed or unknown API key with 401`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['ignored_auth', 'error_envelope'],
    needs: op.path.includes('{') && !isMutating(op.method) ? [fixtureOf(kindOf(op))] : isMultipart(op) ? ['project'] : [],
    async run(ctx) {
      const expect = { kind: 'unauthorized' as const, error: situations.unauthorized(op) };
      await ctx.send(specFor(ctx, op, null), expect);
      await ctx.send(specFor(ctx, op, { header: 'Basic Y29uZm9ybWFuY2U6Y2hlY2s=' }), expect);
      await ctx.send(specFor(ctx, op, { header: 'Bearer ' }), expect);
      // The mock checks only that a bearer token is present; every other target must know its keys.
      if (!ctx.session.stateless) await ctx.send(specFor(ctx, op, { header: `Bearer ${unknownKey(ctx.session.runId)}` }), expect);
    },
  };
}

/** The methods unsupported-method cases try, in order; the first the path does not document is used. */
const PROBE_METHODS = ['PUT', 'PATCH', 'POST', 'DELETE'];

function methodCase(operations: readonly OperationInfo[], op: OperationInfo): Case | undefined {
  const allowed = documentedMethods(operations, op.path.replace(/\{[^}]+\}/g, '1'));
  const method = PROBE_METHODS.find((m) => !allowed.includes(m));
  if (!method) return undefined;
  return {
    id: `methods/${op.path}`,
    family: 'methods',
    title: `${method} ${op.path}: answers 405 with Allow: ${allowed.join(', ')}`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['unsupported_method'],
    mockSkip: 'the mock (Prism) answers undocumented methods with its own problem+json 405',
    async run(ctx) {
      const exchange = await ctx.send(
        { op: op.operationId, method, path: absentPath(op), headers: { 'content-type': 'application/json' }, raw: '{}' },
        { kind: 'negative', status: { allowed: [405], check: 'unsupported_method', why: `${method} is not documented for ${op.path}` } },
      );
      if (exchange.response.status !== 405) return;
      const allow = (exchange.response.headers.get('allow') ?? '')
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean);
      ctx.same('unsupported_method', `${method} ${op.path}: the Allow header lists`, [...allow].sort(), [...allowed].sort(), exchange);
    },
  };
}

/** One ignored-auth case per secured operation. */
export function authCases(operations: readonly OperationInfo[]): Case[] {
  return operations.filter((op) => op.secured).map(authCase);
}

/** One unsupported-method case per path. */
export function methodCases(operations: readonly OperationInfo[]): Case[] {
  const seen = new Set<string>();
  return operations.flatMap((op) => {
    if (seen.has(op.path)) return [];
    seen.add(op.path);
    const c = methodCase(operations, op);
    return c ? [c] : [];
  });
}
