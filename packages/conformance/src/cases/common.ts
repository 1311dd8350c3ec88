/**
 * What the case families share: which fixture an operation's path id names, what an operation
 * needs to be sent with the run's resources, the documented example body with its references
 * pointed at the run's own resources, and throwaway resources for destructive requests.
 */
import { uploadFormats, type OpenAPIDocument, type OperationInfo, type SpecValidator } from '@identitycall/openapi';
import type { FixtureName, Need } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Exchange } from '../engine/exchange.js';
import { kindOf, REFERENCE_FIELDS, type ResourceKind } from '../engine/ledger.js';
import { sampleAudio, type FilePart, type RequestSpec } from '../engine/request.js';
import { createOf, isIrreversible, referenceFieldsOf, undoneBy } from './facts.js';

/** The compiled spec, as planning needs it. */
export interface SpecParts {
  doc: OpenAPIDocument;
  validator: SpecValidator;
}

/** The fixture the setup case creates for each kind of resource. */
export const FIXTURE_OF: Readonly<Record<ResourceKind, FixtureName>> = {
  recordings: 'recording',
  projects: 'project',
  virtual_numbers: 'number',
  operators: 'operator',
};

/** The fixture that stands for resources of `kind`. @throws Error for a kind the setup does not create. */
export function fixtureOf(kind: ResourceKind): FixtureName {
  const fixture = FIXTURE_OF[kind];
  if (!fixture) throw new Error(`the setup case creates no ${kind} to work on; add one to cases/setup.ts`);
  return fixture;
}

/**
 * What an operation needs to be sent with the run's resources: the resource its path names, the
 * ones its references name, what the operation it undoes needs, and permission to purchase when
 * it needs a number or creates something that cannot be deleted.
 */
export function needsOf(op: OperationInfo): Need[] {
  const needs = new Set<Need>();
  if (op.path.includes('{')) needs.add(fixtureOf(kindOf(op)));
  for (const field of referenceFieldsOf(op)) needs.add(fixtureOf(REFERENCE_FIELDS[field]!));
  const undone = undoneBy(op);
  if (undone) for (const need of needsOf(undone)) needs.add(need);
  if (needs.has('number') || isIrreversible(op)) needs.add('purchase');
  return [...needs];
}

/** Path values naming the run's own resource of the operation's kind. */
export function ownPath(ctx: CaseContext, op: OperationInfo): Record<string, string | number> {
  return op.path.includes('{') ? { id: ctx.fixture(fixtureOf(kindOf(op))) } : {};
}

/** The operation's documented request examples (values of its first media type). */
export function requestExamples(op: OperationInfo): Array<{ name: string; value: unknown }> {
  return op.requestBody?.content[0]?.examples ?? [];
}

/** Whether the operation takes a multipart body. */
export const isMultipart = (op: OperationInfo): boolean => op.requestBody?.content[0]?.contentType === 'multipart/form-data';

/** Whether the operation takes a JSON body. */
export const isJson = (op: OperationInfo): boolean => op.requestBody?.content.some((m) => m.contentType === 'application/json') ?? false;

/** Points a body's reference fields (`operator_id`, `project_id`) at the run's own resources. */
export function ownReferences(ctx: CaseContext, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) if (field in out) out[field] = ctx.fixture(fixtureOf(kind));
  return out;
}

/**
 * A multipart request to `op` with `fields`, into the run's project (unless `fields` names one),
 * with the sample audio as its file (or `file`, or none when `file` is null).
 */
export function formSpec(
  ctx: CaseContext,
  op: OperationInfo,
  fields: Record<string, unknown>,
  file: FilePart | null = sampleAudio(),
): RequestSpec {
  const form: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== 'file' && v !== undefined && v !== null) form[k] = v as string | number;
  if (!('project_id' in form)) form.project_id = ctx.fixture('project') as number;
  return { op: op.operationId, form: { fields: form, ...(file && { file }) } };
}

/** An upload of a recording (the create of `recordings`), as {@link formSpec} builds it. */
export function uploadSpec(ctx: CaseContext, fields: Record<string, unknown>, file: FilePart | null = sampleAudio()): RequestSpec {
  const upload = createOf('recordings');
  if (!upload) throw new Error('the spec has no operation that creates a recording');
  return formSpec(ctx, upload, fields, file);
}

/** A file of a type Upload Recording does not accept (an extension outside `x-upload-formats`). */
export function unsupportedFile(ctx: CaseContext): FilePart {
  const taken = new Set(uploadFormats(ctx.session.doc).map((f) => f.extension));
  const extension = ['.txt', '.csv', '.bin'].find((e) => !taken.has(e))!;
  return { name: `notes${extension}`, type: 'text/plain', bytes: new TextEncoder().encode('not audio') };
}

/** The numeric or UUID reference of a recording in a body. */
export function recordingRef(data: unknown): string | undefined {
  const d = data as { public_id?: unknown; id?: unknown } | undefined;
  const ref = d?.public_id ?? d?.id;
  return ref === undefined ? undefined : String(ref);
}

/** The `data` of an exchange's body. */
export function dataOf<T = Record<string, unknown>>(exchange: Exchange): T | undefined {
  return (exchange.response.body as { data?: T } | undefined)?.data;
}

const isSuccess = (e: Exchange) => e.response.status >= 200 && e.response.status < 300;

/**
 * Creates a throwaway resource of `kind` for a destructive request, from the create operation's
 * first documented example (named with the run's tag); returns its id, or aborts the case.
 */
export async function scratch(ctx: CaseContext, kind: ResourceKind, label = 'scratch'): Promise<string | number> {
  const create = createOf(kind);
  if (!create) throw new Error(`the spec has no operation that creates ${kind}`);
  const tag = `Conformance ${label} ${ctx.session.runId}`;
  const example = (ownReferences(ctx, requestExamples(create)[0]?.value) ?? {}) as Record<string, unknown>;
  const spec: RequestSpec = isMultipart(create)
    ? formSpec(ctx, create, { name: tag })
    : { op: create.operationId, json: { ...example, name: tag } };
  const exchange = await ctx.send(spec, { kind: 'positive' });
  const data = dataOf<{ id?: number; public_id?: string }>(exchange);
  // A recording is named by its public_id where it has one; the others by their id.
  const id = typeof data?.public_id === 'string' ? data.public_id : data?.id;
  if (!isSuccess(exchange) || id === undefined) ctx.abort(`could not create a ${kind} to work on`);
  return id;
}
