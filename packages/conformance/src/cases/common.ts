/**
 * What the case families share: which fixture an operation's path id names, the documented example
 * body with its references pointed at the run's own resources, throwaway resources for destructive
 * requests, and adopting an operator that Attach Operator created.
 */
import { uploadFormats, type OpenAPIDocument, type OperationInfo, type SpecValidator } from '@identitycall/openapi';
import type { Exchange } from '../engine/exchange.js';
import type { FixtureName, Need } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { kindOf, type ResourceKind } from '../engine/ledger.js';
import { sampleAudio, type FilePart, type RequestSpec } from '../engine/request.js';

/** The compiled spec, as planning needs it. */
export interface SpecParts {
  doc: OpenAPIDocument;
  validator: SpecValidator;
}

/** The fixture that a path id of each kind of resource names. */
export const FIXTURE_OF: Record<ResourceKind, FixtureName> = {
  recordings: 'recording',
  projects: 'project',
  virtual_numbers: 'number',
  operators: 'operator',
};

/** What an operation needs to be sent with the run's resources (its path id, its references). */
export function needsOf(op: OperationInfo): Need[] {
  const needs = new Set<Need>();
  if (op.path.includes('{')) needs.add(FIXTURE_OF[kindOf(op)]);
  const media = op.requestBody?.content[0];
  const example = media?.examples[0]?.value as Record<string, unknown> | undefined;
  if (example && 'operator_id' in example) needs.add('operator');
  if (op.operationId === 'removeVirtualNumberOperator') needs.add('operator');
  if (kindOf(op) === 'recordings' && op.method === 'post') needs.add('project');
  if (needs.has('number') || op.operationId === 'purchaseVirtualNumber') needs.add('purchase');
  return [...needs];
}

/** Path values naming the run's own resource of the operation's kind. */
export function ownPath(ctx: CaseContext, op: OperationInfo): Record<string, string | number> {
  return op.path.includes('{') ? { id: ctx.fixture(FIXTURE_OF[kindOf(op)]) } : {};
}

/** The operation's documented request examples (values of its first media type). */
export function requestExamples(op: OperationInfo): Array<{ name: string; value: unknown }> {
  return op.requestBody?.content[0]?.examples ?? [];
}

/** Whether the operation takes a multipart body. */
export const isMultipart = (op: OperationInfo): boolean => op.requestBody?.content[0]?.contentType === 'multipart/form-data';

/** Whether the operation takes a JSON body. */
export const isJson = (op: OperationInfo): boolean => op.requestBody?.content.some((m) => m.contentType === 'application/json') ?? false;

/** Points a body's `operator_id` and `project_id` at the run's own operator and project. */
export function ownReferences(ctx: CaseContext, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if ('operator_id' in out) out.operator_id = ctx.fixture('operator');
  if ('project_id' in out) out.project_id = ctx.fixture('project');
  return out;
}

/**
 * A multipart upload of `fields` into the run's project (unless `fields` names one), with the
 * sample audio as its file (or `file`, or none when `file` is null).
 */
export function uploadSpec(ctx: CaseContext, fields: Record<string, unknown>, file: FilePart | null = sampleAudio()): RequestSpec {
  const form: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== 'file' && v !== undefined && v !== null) form[k] = v as string | number;
  if (!('project_id' in form)) form.project_id = ctx.fixture('project') as number;
  return { op: 'uploadRecording', form: { fields: form, ...(file && { file }) } };
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

/** Creates a throwaway resource of `kind` for a destructive request; returns its id (aborts when it cannot). */
export async function scratch(ctx: CaseContext, kind: 'operators' | 'projects' | 'recordings', label = 'scratch'): Promise<string | number> {
  const tag = `Conformance ${label} ${ctx.session.runId}`;
  const spec: RequestSpec =
    kind === 'operators'
      ? { op: 'createOperator', json: { name: tag, phone_number: '+15555550100' } }
      : kind === 'projects'
        ? { op: 'createProject', json: { name: tag, language: 'en' } }
        : uploadSpec(ctx, { name: tag });
  const exchange = await ctx.send(spec, { kind: 'positive' });
  const data = dataOf<{ id?: number; public_id?: string }>(exchange);
  const id = kind === 'recordings' ? recordingRef(data) : data?.id;
  if (!isSuccess(exchange) || id === undefined) ctx.abort(`could not create a ${kind.slice(0, -1)} to work on`);
  return id;
}

const digits = (phone: unknown) => String(phone).replace(/\D/g, '');

/** Adopts the operator Attach Operator created from `phone` (the one with that number the run does not own yet). */
export function adoptAttachedOperator(ctx: CaseContext, exchange: Exchange, phone: unknown): void {
  if (!isSuccess(exchange) || typeof phone !== 'string') return;
  const operators = dataOf<{ operators?: Array<{ id?: unknown; phone_number?: unknown }> }>(exchange)?.operators ?? [];
  const created = operators.filter((o) => digits(o.phone_number) === digits(phone) && typeof o.id === 'number' && !ctx.session.ledger.find('operators', o.id));
  if (created.length === 1) ctx.session.ledger.adopt({ kind: 'operators', id: created[0]!.id as number });
}
