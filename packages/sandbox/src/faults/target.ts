/**
 * What a fault may change on a sandbox it is installed in (its store, a copy of its handlers, the
 * pipeline's hooks), and the small tools the fault catalogue builds its faults with.
 * @see ./catalogue.ts
 */
import type { Handler } from '../pipeline/context.js';
import type { Answer, FaultHooks, RequestInfo } from '../pipeline/hooks.js';
import type { Store } from '../state/store.js';
import type { RequestValidation } from '../validation/request-validation.js';

/** What a fault may change when it is installed. */
export interface FaultTarget {
  store: Store;
  handlers: Record<string, Handler>;
  validation: RequestValidation;
  hooks: Required<FaultHooks>;
}

/** One fault: what is wrong, and how to make a sandbox wrong that way. */
export interface FaultDefinition {
  /** What is wrong, in one sentence. */
  description: string;
  install(target: FaultTarget): void;
}

/** A JSON object's fields. */
export type Fields = Record<string, unknown>;

/** Whether a value is a JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The `data` of an answer body, if it has one. */
export const dataOf = (body: unknown): unknown => (isObject(body) ? body.data : undefined);

/** Whether the request was routed to `operationId`. */
export const is = (info: RequestInfo, operationId: string): boolean => info.op?.operationId === operationId;

/** Wraps a handler of `target`. */
export function wrap(target: FaultTarget, operationId: string, make: (original: Handler) => Handler): void {
  const original = target.handlers[operationId];
  if (!original) throw new Error(`fault: no handler ${operationId}`);
  target.handlers[operationId] = make(original);
}

/** Adds an answer rewrite after the ones already installed. */
export function onAnswer(target: FaultTarget, rewrite: (answer: Answer, info: RequestInfo) => Answer): void {
  const previous = target.hooks.answer;
  target.hooks.answer = (answer, info) => rewrite(previous(answer, info), info);
}

/** Drops the scope's project binding, as if the key were account-wide. */
export const unscoped =
  (original: Handler): Handler =>
  (ctx) =>
    original({ ...ctx, scope: { ...ctx.scope, projectId: null } });
