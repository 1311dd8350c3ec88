/**
 * Every operation handler, by operationId: the union of the per-tag tables. The spec decides what
 * must be here: {@link checkHandlers} runs at every start (and in the tests) and refuses a spec
 * operation without a handler, a handler without an operation, or an operationId handled twice.
 * Adding an operation therefore means the spec, one handler in the tag's file, and tests.
 * @see ./operators.ts
 */
import { existsSync } from 'node:fs';
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

/** The file that holds the handlers of `op`'s tag: "Virtual Numbers" → `virtual-numbers.ts`. */
export function handlerFileOf(op: OperationInfo): string {
  const tag = op.tags[0] ?? 'untagged';
  return `${tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.ts`;
}

/** Whether the handler file of a tag exists (as source, or built next to this file). */
const handlerFileExists = (file: string): boolean =>
  existsSync(new URL(`./${file}`, import.meta.url)) || existsSync(new URL(`./${file.replace(/\.ts$/, '.js')}`, import.meta.url));

/** What to do about operations of one tag without a handler. */
function missingAdvice(file: string, ids: readonly string[]): string {
  const where = `src/resources/${file}`;
  const todo = handlerFileExists(file)
    ? `add ${ids.length === 1 ? 'a handler' : 'handlers'} to the table in ${where}`
    : `create ${where} with a table of handlers for its tag and merge it into HANDLERS in src/resources/registry.ts`;
  return `no handler for the spec's ${ids.join(', ')} (${todo})`;
}

/**
 * Checks that `handlers` implement exactly the spec's `operations`.
 * @throws Error listing every operation without a handler (with the file of its tag to add it to)
 *   and every handler without an operation.
 */
export function checkHandlers(operations: readonly OperationInfo[], handlers: Readonly<Record<string, Handler>> = HANDLERS): void {
  const ids = new Set(operations.map((op) => op.operationId));
  const missing = operations.filter((op) => !Object.hasOwn(handlers, op.operationId));
  const extra = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length === 0 && extra.length === 0) return;
  const byFile = new Map<string, string[]>();
  for (const op of missing) byFile.set(handlerFileOf(op), [...(byFile.get(handlerFileOf(op)) ?? []), op.operationId]);
  const problems = [
    ...[...byFile].map(([file, opIds]) => missingAdvice(file, opIds)),
    ...(extra.length ? [`handlers for operations the spec does not have: ${extra.join(', ')} (remove them, or fix the operationId)`] : []),
  ];
  throw new Error(`The sandbox does not match the spec: ${problems.join('; ')}`);
}
