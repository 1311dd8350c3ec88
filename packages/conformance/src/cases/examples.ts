/**
 * The spec's own examples, sent as documented: every request body example and every parameter
 * example of every operation. Ids in the examples name resources the run does not own, so the
 * path id and any `operator_id`/`project_id` point at the run's resources instead; destructive
 * operations act on a throwaway resource created for the purpose.
 */
import type { OperationInfo, ParameterInfo } from '@identitycall/openapi';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';
import type { Expectation } from '../engine/evaluate.js';
import { kindOf } from '../engine/ledger.js';
import type { RequestSpec } from '../engine/request.js';
import { adoptAttachedOperator, isMultipart, needsOf, ownPath, ownReferences, requestExamples, scratch, uploadSpec } from './common.js';

/** The first example of a parameter, or its default. */
function exampleOf(p: ParameterInfo): string | number | undefined {
  const value = p.examples[0]?.value ?? (p.schema as { default?: unknown } | undefined)?.default;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Path values for `op`: the run's resource, or a throwaway one for a delete. */
export async function pathFor(ctx: CaseContext, op: OperationInfo): Promise<Record<string, string | number>> {
  const kind = kindOf(op);
  if (op.method === 'delete' && /^\/[^/]+\/\{id\}$/.test(op.path) && kind !== 'virtual_numbers') {
    return { id: await scratch(ctx, kind, 'example') };
  }
  return ownPath(ctx, op);
}

/** The query of `op` from its parameter examples; `operator_id` is the run's operator. */
export function exampleQuery(ctx: CaseContext, op: OperationInfo): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {};
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    query[p.name] = p.name === 'operator_id' ? ctx.fixture('operator') : exampleOf(p);
  }
  return query;
}

/** Detach needs an attached operator: attach the run's operator first. */
export async function prepare(ctx: CaseContext, op: OperationInfo, path: Record<string, string | number>): Promise<void> {
  if (op.operationId === 'removeVirtualNumberOperator') {
    await ctx.send({ op: 'addVirtualNumberOperator', path, json: { operator_id: ctx.fixture('operator') } }, { kind: 'positive' });
  }
}

/**
 * What a valid request to `op` must get: a 2xx — except the transcription of a recording still
 * being processed, documented as 422 "Transcription not available".
 */
export function positiveFor(ctx: CaseContext, op: OperationInfo): Expectation {
  if (op.operationId !== 'getRecordingTranscription' || ctx.session.recordingCompleted || ctx.session.stateless) return { kind: 'positive' };
  return {
    status: { allowed: [200, 422], check: 'positive_data_acceptance', why: 'the recording is still being processed' },
    error: situations.named(op, 422, 'transcriptionNotAvailable'),
  };
}

function exampleCase(op: OperationInfo, example: { name: string; value: unknown } | undefined): Case {
  const purchase = op.operationId === 'purchaseVirtualNumber';
  return {
    id: `examples/${op.operationId}${example ? `/${example.name}` : ''}`,
    family: 'examples',
    title: `${op.operationId}: the documented ${example ? `example "${example.name}"` : 'request'} is accepted`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['positive_data_acceptance', 'response_schema_conformance'],
    needs: needsOf(op),
    ...(purchase && {
      statefulSkip: 'the example names a number this target may not offer, and a purchase cannot be undone; the virtual-numbers flow buys one from the available list instead',
    }),
    async run(ctx) {
      const path = await pathFor(ctx, op);
      await prepare(ctx, op, path);
      const query = exampleQuery(ctx, op);
      const body = ownReferences(ctx, example?.value);
      const spec: RequestSpec = isMultipart(op)
        ? { ...uploadSpec(ctx, body as Record<string, unknown>), path, query }
        : { op: op.operationId, path, query, ...(body !== undefined && { json: body }) };
      const exchange = await ctx.send(spec, positiveFor(ctx, op));
      if (op.operationId === 'addVirtualNumberOperator') adoptAttachedOperator(ctx, exchange, (body as { phone_number?: unknown }).phone_number);
    },
  };
}

/** One case per documented request example (one per operation without a body). */
export function exampleCases(operations: readonly OperationInfo[]): Case[] {
  return operations.flatMap((op) => {
    const examples = requestExamples(op);
    return examples.length === 0 ? [exampleCase(op, undefined)] : examples.map((e) => exampleCase(op, e));
  });
}
