/**
 * Negative requests: every way the spec says a request is invalid — a body property of the wrong
 * type, out of range, outside its enum, against its pattern or format, a required field left out,
 * a body that is not an object, malformed JSON, a body just over the size limit (`x-max-bytes`), a
 * body in a media type the operation does not take (415);
 * query and path parameters likewise; and uploads without a file, of an unsupported type or with a
 * bad `project_id`. Each must be refused with a 4xx. Requests that could change something go to
 * the run's own resources or to ids that cannot exist.
 */
import { errorMessages, formatBytes, jsonBodyLimit, resolveRef, type JsonSchema, type OperationInfo } from '@identitycall/openapi';
import { situations } from '../checks/error-envelope.js';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Expectation } from '../engine/evaluate.js';
import { REFERENCE_FIELDS } from '../engine/ledger.js';
import { bodyMutations, parameterMutations, type Mutation } from '../generate/negative.js';
import {
  formSpec,
  isJson,
  isMultipart,
  needsOf,
  ownPath,
  ownReferences,
  requestExamples,
  unsupportedFile,
  type SpecParts,
} from './common.js';
import { exampleQuery, prepare } from './examples.js';

const NEGATIVE: Expectation = { kind: 'negative' };

/** What a negative request gets wrong: its body, its size, its media type, a query or path parameter, a form. */
type Where = 'body' | 'size' | 'media' | 'query' | 'path' | 'form';

const documentsClientError = (op: OperationInfo) => op.responses.some((r) => r.status === '400' || r.status === '422');

/** Why a negative case is skipped against the mock, when the mock cannot answer it in the API's terms. */
function mockReason(op: OperationInfo, where: Where): string | undefined {
  if (where === 'size') return 'the mock (Prism) takes JSON bodies up to the largest upload, not x-max-bytes';
  if (where === 'path') return "the mock (Prism) refuses invalid path parameters with its own problem+json 422, not the API's envelope";
  if (where === 'form') return 'the mock (Prism) does not inspect multipart bodies';
  if (!documentsClientError(op))
    return `the mock (Prism) answers invalid input to ${op.operationId}, which documents no 400 or 422, with its own problem+json body`;
  return undefined;
}

function negativeCase(op: OperationInfo, where: Where, m: Mutation, send: (ctx: CaseContext) => Promise<void>): Case {
  const reason = mockReason(op, where);
  return {
    id: `negative/${op.operationId}/${m.id}`,
    family: 'negative',
    title: `${op.operationId}: refuses ${m.title}`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['negative_data_rejection'],
    needs: needsOf(op),
    ...(reason && { mockSkip: reason }),
    run: send,
  };
}

/** The valid JSON body mutations start from: the first documented example. */
const baseBody = (op: OperationInfo): Record<string, unknown> => (requestExamples(op)[0]?.value as Record<string, unknown>) ?? {};

function bodyCases(spec: SpecParts, op: OperationInfo): Case[] {
  const media = op.requestBody?.content.find((m) => m.contentType === 'application/json');
  if (!media?.schema) return [];
  const isValid = (body: unknown) => spec.validator.validateRequestBody(op.operationId, body, 'application/json').valid;
  const mutations = [
    { id: 'body:empty-object', title: 'an empty object', value: {} },
    ...bodyMutations(spec.doc, media.schema, baseBody(op), isValid),
  ].filter((m) => !isValid(m.value));
  const cases = mutations.map((m) =>
    negativeCase(op, 'body', m, async (ctx) => {
      const path = ownPath(ctx, op);
      await prepare(ctx, op, path);
      // References in a wrong-typed body stay as generated; valid ones name the run's resources.
      const body =
        m.value && typeof m.value === 'object' && !Array.isArray(m.value)
          ? { ...(m.value as object), ...pickOwn(ctx, m.value as Record<string, unknown>) }
          : m.value;
      await ctx.send({ op: op.operationId, path, query: exampleQuery(ctx, op), json: body }, NEGATIVE);
    }),
  );
  const malformed: Mutation = { id: 'body:malformed-json', title: 'malformed JSON', value: '{"name": ' };
  cases.push(
    negativeCase(op, 'body', malformed, async (ctx) => {
      await ctx.send(
        { op: op.operationId, path: ownPath(ctx, op), query: exampleQuery(ctx, op), raw: malformed.value as string },
        {
          kind: 'negative',
          status: { allowed: [400], check: 'negative_data_rejection', why: 'malformed JSON is documented as 400' },
          error: situations.malformedJson(ctx.session.doc),
        },
      );
    }),
  );
  if (errorMessages(op, 413).length > 0) cases.push(tooLargeCase(spec, op));
  if (op.responses.some((r) => r.status === '415')) cases.push(mediaTypeCase(op));
  return cases;
}

/**
 * A JSON body declared as `text/plain`: documented as 415 (`UnsupportedMediaType`, DECISIONS.md
 * B26). The body is `{}`, which creates nothing and changes nothing even on a server that reads it
 * as JSON anyway; such a server answers 2xx or 422 and fails `negative_data_rejection`.
 */
function mediaTypeCase(op: OperationInfo): Case {
  const m: Mutation = { id: 'body:unsupported-media-type', title: 'a JSON body declared as text/plain', value: '{}' };
  return negativeCase(op, 'media', m, async (ctx) => {
    await ctx.send(
      {
        op: op.operationId,
        path: ownPath(ctx, op),
        query: exampleQuery(ctx, op),
        raw: m.value as string,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      },
      {
        kind: 'negative',
        status: {
          allowed: [415],
          check: 'negative_data_rejection',
          why: 'a body in a media type the operation does not take is documented as 415',
        },
      },
    );
  });
}

/**
 * A valid JSON body one byte over the limit every JSON body documents (`x-max-bytes`, answered 413
 * `PayloadTooLarge`): the first example, padded with a field requests may carry (they are open,
 * DECISIONS.md B2). Sent to the run's own resource, so a server without a limit changes only that.
 */
function tooLargeCase(spec: SpecParts, op: OperationInfo): Case {
  const limit = jsonBodyLimit(spec.doc);
  const m: Mutation = { id: 'body:too-large', title: `a body just over ${formatBytes(limit)}`, value: undefined };
  return negativeCase(op, 'size', m, async (ctx) => {
    const base = { ...(ownReferences(ctx, requestExamples(op)[0]?.value) as Record<string, unknown>), conformance_padding: '' };
    const padding = 'x'.repeat(limit + 1 - Buffer.byteLength(JSON.stringify(base)));
    await ctx.send(
      {
        op: op.operationId,
        path: ownPath(ctx, op),
        query: exampleQuery(ctx, op),
        raw: JSON.stringify({ ...base, conformance_padding: padding }),
      },
      {
        kind: 'negative',
        status: { allowed: [413], check: 'negative_data_rejection', why: `the body is over the ${formatBytes(limit)} limit (x-max-bytes)` },
        error: situations.tooLarge(ctx.session.doc, op),
      },
    );
  });
}

/** The body's valid integer references, pointed at the run's resources (invalid ones are the point). */
function pickOwn(ctx: CaseContext, body: Record<string, unknown>): Record<string, unknown> {
  const own = ownReferences(ctx, body) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of Object.keys(REFERENCE_FIELDS)) if (Number.isInteger(body[f]) && (body[f] as number) >= 1) out[f] = own[f];
  return out;
}

function parameterCases(spec: SpecParts, op: OperationInfo): Case[] {
  const cases: Case[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query' && p.in !== 'path') continue;
    const mutations = parameterMutations(spec.doc, spec.validator, p);
    if (p.in === 'query' && p.required)
      mutations.push({ id: `query.${p.name}:missing`, title: `required ${p.name} left out`, value: undefined });
    for (const m of mutations) {
      cases.push(
        negativeCase(op, p.in, m, async (ctx) => {
          const path = p.in === 'path' ? { [p.name]: m.value as string } : ownPath(ctx, op);
          if (p.in === 'query') await prepare(ctx, op, path);
          const query = { ...exampleQuery(ctx, op), ...(p.in === 'query' && { [p.name]: m.value as string | undefined }) };
          const example = requestExamples(op)[0]?.value;
          const body = isMultipart(op) ? undefined : ownReferences(ctx, example);
          const spec = isMultipart(op)
            ? { ...formSpec(ctx, op, {}), path, query }
            : { op: op.operationId, path, query, ...(body !== undefined && { json: body }) };
          await ctx.send(spec, NEGATIVE);
        }),
      );
    }
  }
  return cases;
}

function formCases(spec: SpecParts, op: OperationInfo): Case[] {
  const media = op.requestBody?.content.find((m) => m.contentType === 'multipart/form-data');
  if (!media?.schema) return [];
  const fileMessages = [...errorMessages(op, 400), ...errorMessages(op, 422, (name) => name === 'fileRequired')];
  const cases: Case[] = [
    negativeCase(op, 'form', { id: 'form.file:missing', title: 'an upload without a file', value: undefined }, async (ctx) => {
      const error = fileMessages.length
        ? { messages: fileMessages, source: `400 and fileRequired examples of ${op.operationId}` }
        : undefined;
      await ctx.send(formSpec(ctx, op, {}, null), { kind: 'negative', error });
    }),
    negativeCase(
      op,
      'form',
      { id: 'form.file:unsupported-type', title: 'a file of an unsupported type', value: undefined },
      async (ctx) => {
        await ctx.send(formSpec(ctx, op, {}, unsupportedFile(ctx)), {
          kind: 'negative',
          error: situations.named(op, 422, 'invalidFileType'),
        });
      },
    ),
  ];
  // Form fields are text: only integer fields can carry a value of the wrong type or out of range.
  const schema = resolveRef<{ properties?: Record<string, JsonSchema> }>(spec.doc, media.schema);
  for (const [field, raw] of Object.entries(schema.properties ?? {})) {
    const prop = resolveRef<{ type?: unknown; minimum?: number }>(spec.doc, raw);
    if (prop.type !== 'integer') continue;
    const bad: Array<[string, string]> = [
      ['wrong-type', 'abc'],
      ['fraction', '1.5'],
    ];
    if (typeof prop.minimum === 'number') bad.push(['below-minimum', String(prop.minimum - 1)]);
    for (const [id, text] of bad) {
      const typed = /^-?\d+$/.test(text) ? Number(text) : text;
      if (spec.validator.validate(raw, typed).valid) continue;
      cases.push(
        negativeCase(op, 'form', { id: `form.${field}:${id}`, title: `${field}: ${JSON.stringify(text)}`, value: text }, async (ctx) => {
          await ctx.send(formSpec(ctx, op, { [field]: text }), NEGATIVE);
        }),
      );
    }
  }
  return cases;
}

/** Every negative case of every operation. */
export function negativeCases(spec: SpecParts, operations: readonly OperationInfo[]): Case[] {
  return operations.flatMap((op) => [
    ...(isJson(op) ? bodyCases(spec, op) : []),
    ...(isMultipart(op) ? formCases(spec, op) : []),
    ...parameterCases(spec, op),
  ]);
}
