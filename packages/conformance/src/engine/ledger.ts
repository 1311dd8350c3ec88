/**
 * The resources the run created, and the guard that keeps the promise made to real deployments:
 * a request that changes or deletes something names a resource of this ledger, or an id that
 * cannot exist. Everything in the ledger is deleted at the end, except what no operation can delete
 * (a purchased virtual number).
 */
import type { OperationInfo } from '@identitycall/openapi';
import { SafetyError } from '../errors.js';

/** A kind of resource, named by the first segment of its path (`operators`, `virtual_numbers`, …). */
export type ResourceKind = string;

/** Request fields that name a resource of another kind, and that kind. */
export const REFERENCE_FIELDS: Readonly<Record<string, ResourceKind>> = { operator_id: 'operators', project_id: 'projects' };

/** A resource the run created. */
export interface OwnedResource {
  kind: ResourceKind;
  /** Numeric id (and, for recordings, the `public_id` too). */
  id: number | string;
  publicId?: string;
  /** Set once a delete of it succeeded. */
  deleted: boolean;
}

/** An integer id no deployment hands out: far above any sequence, inside a 32-bit column. */
export const ABSENT_ID = 2_147_483_000;
/** A recording reference that matches the id pattern and names nothing (a nil-like UUIDv7). */
export const ABSENT_RECORDING = '00000000-0000-7000-8000-000000000000';

/** The resource kind of an operation (first segment of its path). */
export const kindOf = (op: OperationInfo): ResourceKind => op.path.split('/')[1] ?? '';

/** Whether the operation creates a resource (a POST on a path without parameters). */
export const isCreate = (op: OperationInfo): boolean => op.method === 'post' && !op.path.includes('{');

/** Whether the operation deletes the resource its path names (`DELETE /kind/{id}`). */
export const isDelete = (op: OperationInfo): boolean => op.method === 'delete' && /^\/[^/]+\/\{[^}]+\}$/.test(op.path);

/** Whether a request with this method can change state. */
export const isMutating = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** Whether `value` is an id that cannot name an existing resource. */
export function isAbsent(value: unknown): boolean {
  if (value === ABSENT_RECORDING) return true;
  const text = String(value);
  if (!/^\d+$/.test(text)) return true; // not an id at all: nothing can be found by it
  const n = Number(text);
  return n < 1 || n >= ABSENT_ID;
}

/** The run's resources. */
export class Ledger {
  private readonly owned: OwnedResource[] = [];

  /** Records a created resource. */
  adopt(resource: Omit<OwnedResource, 'deleted'>): OwnedResource {
    const existing = this.find(resource.kind, resource.id);
    if (existing) return existing;
    const entry = { ...resource, deleted: false };
    this.owned.push(entry);
    return entry;
  }

  /** The owned resource named by `ref` (id or public_id), deleted or not. */
  find(kind: ResourceKind, ref: unknown): OwnedResource | undefined {
    const text = String(ref).toLowerCase();
    return this.owned.find((r) => r.kind === kind && (String(r.id) === text || r.publicId?.toLowerCase() === text));
  }

  /** Marks a resource deleted (a delete of it succeeded). */
  markDeleted(kind: ResourceKind, ref: unknown): void {
    const r = this.find(kind, ref);
    if (r) r.deleted = true;
  }

  /** Live resources of the run, newest first (the order they are cleaned up in). */
  live(kind?: ResourceKind): OwnedResource[] {
    return this.owned.filter((r) => !r.deleted && (kind === undefined || r.kind === kind)).reverse();
  }

  /** Every resource the run created. */
  all(): readonly OwnedResource[] {
    return this.owned;
  }

  /**
   * Throws SafetyError unless a mutating request names only resources of the run (or ids that
   * cannot exist): its path id, and any `operator_id`/`project_id` it sends.
   */
  guard(op: OperationInfo | undefined, method: string, pathParams: Record<string, unknown>, references: Record<string, unknown>): void {
    if (!isMutating(method)) return;
    const kind = op ? kindOf(op) : undefined;
    for (const [name, value] of Object.entries(pathParams)) {
      if (kind && !isAbsent(value) && !this.find(kind, value)) {
        throw new SafetyError(`refusing ${method} ${op?.path}: ${name}=${String(value)} was not created by this run`);
      }
    }
    for (const [field, value] of Object.entries(references)) {
      const refKind = REFERENCE_FIELDS[field];
      if (!refKind || value === undefined || value === null || isAbsent(value)) continue;
      if (!this.find(refKind, value)) {
        throw new SafetyError(`refusing ${method} ${op?.path ?? ''}: ${field}=${String(value)} was not created by this run`);
      }
    }
  }
}
