/**
 * Valid requests generated from the request schemas with fast-check: for every operation with a
 * body or query parameters, `--runs` requests (seeded by `--seed`, so a run is reproducible), each
 * of which must be accepted and answered as documented. A failure is shrunk by fast-check to a
 * minimal request before it is reported, with the seed and path that replay it.
 * @see https://fast-check.dev/docs/core-blocks/properties/
 */
import fc from 'fast-check';
import type { JsonSchema, OperationInfo } from '@identitycall/openapi';
import { BudgetExhaustedError, SafetyError } from '../errors.js';
import type { Exchange } from '../engine/exchange.js';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Evaluation } from '../engine/evaluate.js';
import { arbitraryFor, BASE_HINTS, type Hints } from '../generate/arbitrary.js';
import { typedParam } from '../generate/negative.js';
import { kindOf, REFERENCE_FIELDS } from '../engine/ledger.js';
import type { RequestSpec } from '../engine/request.js';
import { fixtureOf, formSpec, isJson, isMultipart, needsOf, ownPath } from './common.js';
import { isIrreversible } from './facts.js';

/** Requests sent while shrinking one failure, at most (the smallest failure found so far is reported). */
const SHRINK_BUDGET = 60;

/** A 32-bit seed for one case, derived from the run's seed (same run seed, same requests). */
export function caseSeed(runSeed: number, caseId: string): number {
  let h = 0x811c9dc5;
  for (const ch of caseId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h ^ runSeed) | 0;
}

/** Whether requests are generated for `op`: it has a body or query parameters that are not references. */
export function isGenerated(op: OperationInfo): boolean {
  const query = op.parameters.filter((p) => p.in === 'query' && !(p.name in REFERENCE_FIELDS));
  return (isJson(op) || isMultipart(op) || query.length > 0) && op.method !== 'delete';
}

function inputArbitrary(
  ctx: CaseContext,
  op: OperationInfo,
  hints: Hints,
): fc.Arbitrary<{ body?: unknown; query: Record<string, unknown> }> {
  const { doc, validator } = ctx.session;
  const media = op.requestBody?.content[0];
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query' || p.schema === undefined) continue;
    const schema = p.schema;
    query[p.name] = arbitraryFor(doc, schema, hints, p.name).filter((v) => validator.validate(schema, typedParam(doc, p, String(v))).valid);
    if (p.required) required.push(p.name);
  }
  const queryArb = fc.record(query, { requiredKeys: required });
  if (!media?.schema) return queryArb.map((q) => ({ query: q }));
  const multipart = media.contentType === 'multipart/form-data';
  const body = arbitraryFor(doc, media.schema as JsonSchema, hints).filter(
    (v) => validator.validateRequestBody(op.operationId, multipart ? { ...(v as object), file: 'audio' } : v, media.contentType).valid,
  );
  return fc.record({ body, query: queryArb });
}

function toSpec(ctx: CaseContext, op: OperationInfo, input: { body?: unknown; query: Record<string, unknown> }): RequestSpec {
  const path = ownPath(ctx, op);
  const query = input.query as RequestSpec['query'];
  if (isMultipart(op)) return { ...formSpec(ctx, op, input.body as Record<string, unknown>), path, query };
  return { op: op.operationId, path, query, ...(input.body !== undefined && { json: input.body }) };
}

function generatedCase(op: OperationInfo): Case {
  return {
    id: `generated/${op.operationId}`,
    family: 'generated',
    title: `${op.operationId}: requests generated from its schema are accepted and answered as documented`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['positive_data_acceptance'],
    needs: needsOf(op),
    ...(isIrreversible(op) && {
      statefulSkip: `every request would create ${kindOf(op)} that no operation can delete; its flow creates one`,
    }),
    async run(ctx) {
      const { runs, seed: runSeed } = ctx.session.options;
      if (runs === 0) return ctx.skip('no generated requests (--runs 0)', 'option');
      const hints: Hints = { ...BASE_HINTS };
      // Reference fields name the run's own resources (a request naming anything else is refused).
      for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
        const id = ctx.session.fixtures[fixtureOf(kind)];
        if (id !== undefined) hints[field] = fc.constant(id);
      }
      const seed = caseSeed(runSeed, this.id);
      let first: unknown;
      let last: { input: unknown; exchange: Exchange; failures: Evaluation[] } | undefined;
      let afterFailure = 0;
      const property = fc.asyncProperty(inputArbitrary(ctx, op, hints), async (input) => {
        // Past the shrink budget every further candidate "passes": the smallest failure so far stands.
        if (last && ++afterFailure > SHRINK_BUDGET) return true;
        const spec = toSpec(ctx, op, input);
        const { exchange, failures } = await ctx.probe(spec, { kind: 'positive' });
        if (failures.length === 0) return true;
        first ??= input;
        last = { input, exchange, failures };
        return false;
      });
      const details = await fc.check(property, { seed, numRuns: runs });
      const thrown = details.errorInstance;
      if (thrown instanceof BudgetExhaustedError || thrown instanceof SafetyError) throw thrown;
      if (details.failed && !last) throw thrown instanceof Error ? thrown : new Error(String(thrown));
      if (!details.failed || !last) return;
      const shrink = { seed, path: details.counterexamplePath, steps: details.numShrinks, original: first, minimal: last.input };
      for (const f of last.failures) {
        ctx.recorder.record(f.check, false, { message: f.message ?? '', operationId: op.operationId, exchange: last.exchange, shrink });
      }
    },
  };
}

/** One generated-requests case per operation that takes a body or query parameters. */
export function generatedCases(operations: readonly OperationInfo[]): Case[] {
  return operations.filter(isGenerated).map(generatedCase);
}
