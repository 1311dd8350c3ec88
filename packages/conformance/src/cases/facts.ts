/**
 * Facts about operations that the generic cases steer by, each derived from the spec rather than
 * from an operation's name: which operations create and delete a kind of resource, what a request
 * refers to, what cannot be undone, what must be sent first (`x-undoes`), and which reads may
 * answer that their resource is not ready yet.
 * @see ../../../../spec/DECISIONS.md (B8, B23)
 */
import { resolveRef, type OperationInfo } from '@identitycall/openapi';
import { isCreate, isDelete, kindOf, REFERENCE_FIELDS, type ResourceKind } from '../engine/ledger.js';
import { compiledSpec } from '../engine/spec.js';

const operations = (): readonly OperationInfo[] => compiledSpec().validator.operations;

/** The operation that creates a resource of `kind` (a POST without a path id). */
export const createOf = (kind: ResourceKind): OperationInfo | undefined => operations().find((op) => isCreate(op) && kindOf(op) === kind);

/** The operation that deletes a resource of `kind` by its id. */
export const deleteOf = (kind: ResourceKind): OperationInfo | undefined => operations().find((op) => isDelete(op) && kindOf(op) === kind);

/** The operation that reads one resource of `kind` by its id (`GET /kind/{id}`). */
export const readOf = (kind: ResourceKind): OperationInfo | undefined =>
  operations().find((op) => op.method === 'get' && kindOf(op) === kind && /^\/[^/]+\/\{[^}]+\}$/.test(op.path));

/** The operation that lists the resources of `kind` (`GET /kind`). */
export const listOf = (kind: ResourceKind): OperationInfo | undefined =>
  operations().find((op) => op.method === 'get' && op.path === `/${kind}`);

/** Whether the operation names one resource by a path parameter (`/kind/{id}`, `/kind/{id}/…`). */
export const hasPathId = (op: OperationInfo): boolean => op.path.includes('{');

/**
 * Whether `op` creates something no operation can delete: buying a virtual number (the spec has no
 * operation that releases one). Such a request changes a deployment for good.
 */
export const isIrreversible = (op: OperationInfo): boolean => isCreate(op) && deleteOf(kindOf(op)) === undefined;

/** The operation `op` reverses (its `x-undoes`): it must be sent first for `op` to succeed. */
export function undoneBy(op: OperationInfo): OperationInfo | undefined {
  const { doc } = compiledSpec();
  const raw = (doc.paths[op.path] as Record<string, Record<string, unknown> | undefined> | undefined)?.[op.method]?.['x-undoes'];
  if (raw === undefined) return undefined;
  const target = operations().find((o) => o.operationId === raw);
  if (!target) throw new Error(`${op.operationId}: x-undoes names no operation of the spec (${JSON.stringify(raw)})`);
  return target;
}

/**
 * Whether `op` is a read that documents 422: it answers so while what it reads is not ready (the
 * transcription of a recording still being processed, DECISIONS.md B8).
 */
export const answersNotReady = (op: OperationInfo): boolean => op.method === 'get' && op.responses.some((r) => r.status === '422');

/**
 * The reference fields (`operator_id`, `project_id`) a request to `op` carries: its query
 * parameters, the fields of its first documented body example, and every field of a multipart form.
 */
export function referenceFieldsOf(op: OperationInfo): string[] {
  const media = op.requestBody?.content[0];
  const example = media?.examples[0]?.value;
  const form =
    media?.contentType === 'multipart/form-data' && media.schema !== undefined
      ? resolveRef<{ properties?: object }>(compiledSpec().doc, media.schema)
      : undefined;
  const formFields = Object.keys(form?.properties ?? {});
  const names = [
    ...op.parameters.filter((p) => p.in === 'query').map((p) => p.name),
    ...(example && typeof example === 'object' ? Object.keys(example) : []),
    ...formFields,
  ];
  return [...new Set(names)].filter((name) => name in REFERENCE_FIELDS);
}
