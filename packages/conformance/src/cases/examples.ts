/**
 * The spec's own examples, sent as documented: every request body example and every parameter
 * example of every operation. Ids in the examples name resources the run does not own, so the
 * path id and any reference field point at the run's resources instead; deletes act on a throwaway
 * resource created for the purpose.
 */
import { errorMessages, type OperationInfo, type ParameterInfo } from '@identitycall/openapi';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Expectation } from '../engine/evaluate.js';
import { isDelete, kindOf, REFERENCE_FIELDS } from '../engine/ledger.js';
import type { RequestSpec } from '../engine/request.js';
import { fixtureOf, formSpec, isMultipart, needsOf, ownPath, ownReferences, requestExamples, scratch } from './common.js';
import { answersNotReady, isIrreversible, undoneBy } from './facts.js';

/** The first example of a parameter, or its default. */
function exampleOf(p: ParameterInfo): string | number | undefined {
  const value = p.examples[0]?.value ?? (p.schema as { default?: unknown } | undefined)?.default;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Path values for `op`: the run's resource, or a throwaway one for a delete. */
export async function pathFor(ctx: CaseContext, op: OperationInfo): Promise<Record<string, string | number>> {
  return isDelete(op) ? { id: await scratch(ctx, kindOf(op), 'example') } : ownPath(ctx, op);
}

/** The query of `op` from its parameter examples; reference fields name the run's resources. */
export function exampleQuery(ctx: CaseContext, op: OperationInfo): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {};
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    const kind = REFERENCE_FIELDS[p.name];
    query[p.name] = kind ? ctx.fixture(fixtureOf(kind)) : exampleOf(p);
  }
  return query;
}

/**
 * Sends what `op` needs first: the operation it undoes (`x-undoes`), with its first example and
 * the run's resources — detaching needs an operator that was attached.
 */
export async function prepare(ctx: CaseContext, op: OperationInfo, path: Record<string, string | number>): Promise<void> {
  const undone = undoneBy(op);
  if (!undone) return;
  const body = ownReferences(ctx, requestExamples(undone)[0]?.value);
  await ctx.send({ op: undone.operationId, path, ...(body !== undefined && { json: body }) }, { kind: 'positive' });
}

/**
 * What a valid request to `op` must get: a 2xx — except from a read that documents 422 while
 * what it reads is not ready (the transcription of a recording still being processed), which may
 * answer that 422 with its documented message.
 */
export function positiveFor(ctx: CaseContext, op: OperationInfo): Expectation {
  if (!answersNotReady(op) || ctx.session.recordingCompleted || ctx.session.stateless) return { kind: 'positive' };
  return {
    status: { allowed: [200, 422], check: 'positive_data_acceptance', why: 'what it reads is still being processed' },
    error: { messages: errorMessages(op, 422), source: `422 examples of ${op.operationId}` },
  };
}

function exampleCase(op: OperationInfo, example: { name: string; value: unknown } | undefined): Case {
  return {
    id: `examples/${op.operationId}${example ? `/${example.name}` : ''}`,
    family: 'examples',
    title: `${op.operationId}: the documented ${example ? `example "${example.name}"` : 'request'} is accepted`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['positive_data_acceptance', 'response_schema_conformance'],
    needs: needsOf(op),
    ...(isIrreversible(op) && {
      statefulSkip: `the example would create ${kindOf(op)} that no operation can delete, and names one this target may not offer; its flow creates one from what the target offers instead`,
    }),
    async run(ctx) {
      const path = await pathFor(ctx, op);
      await prepare(ctx, op, path);
      const query = exampleQuery(ctx, op);
      const body = ownReferences(ctx, example?.value);
      const spec: RequestSpec = isMultipart(op)
        ? { ...formSpec(ctx, op, body as Record<string, unknown>), path, query }
        : { op: op.operationId, path, query, ...(body !== undefined && { json: body }) };
      await ctx.send(spec, positiveFor(ctx, op));
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
