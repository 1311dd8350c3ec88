/**
 * Every operation handler, by operationId: the union of the per-tag tables. The spec decides what
 * must be here: {@link checkHandlers} runs at every start (and in the tests) and refuses a spec
 * operation without a handler, a handler without an operation, or an operationId handled twice.
 * Adding an operation therefore means the spec, one handler in the tag's file, and tests.
 * @see ./operators.ts
 */
import type { OperationInfo } from '@identitycall/openapi';
import type { Handler } from '../pipeline/context.js';
import { operatorHandlers } from './operators.js';
import { projectHandlers } from './projects.js';
import { recordingHandlers } from './recordings.js';
import { virtualNumberHandlers } from './virtual-numbers.js';

/** Merges per-tag handler tables; an operationId in two tables is a mistake, not an override. */
export function mergeHandlers(...tables: ReadonlyArray<Readonly<Record<string, Handler>>>): Readonly<Record<string, Handler>> {
  const out: Record<string, Handler> = {};
  for (const table of tables) {
    for (const [operationId, handler] of Object.entries(table)) {
      if (Object.hasOwn(out, operationId)) throw new Error(`Two sandbox handlers for operationId "${operationId}"`);
      out[operationId] = handler;
    }
  }
  return Object.freeze(out);
}

/** The implemented operations, by operationId. */
export const HANDLERS: Readonly<Record<string, Handler>> = mergeHandlers(
  recordingHandlers,
  projectHandlers,
  virtualNumberHandlers,
  operatorHandlers,
);

/**
 * Checks that `handlers` implement exactly the spec's `operations`.
 * @throws Error listing every operation without a handler and every handler without an operation.
 */
export function checkHandlers(operations: readonly OperationInfo[], handlers: Readonly<Record<string, Handler>> = HANDLERS): void {
  const ids = new Set(operations.map((op) => op.operationId));
  const missing = [...ids].filter((id) => !Object.hasOwn(handlers, id));
  const extra = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length === 0 && extra.length === 0) return;
  const problems = [
    ...(missing.length ? [`no handler for the spec's ${missing.join(', ')} (add one to src/resources/<tag>.ts)`] : []),
    ...(extra.length ? [`handlers for operations the spec does not have: ${extra.join(', ')} (remove them, or fix the operationId)`] : []),
  ];
  throw new Error(`The sandbox does not match the spec: ${problems.join('; ')}`);
}
