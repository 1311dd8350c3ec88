/**
 * Operators: the human agents who receive calls routed through virtual numbers.
 * @see https://docs.identitycall.ai/api-reference/operators
 */
import type { OperatorCreate, OperatorUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';
import type { RequestOptions } from '../options.js';

/** Creates the `operators` resource over a client context. */
export function operatorsResource({ raw, unwrap, init }: ResourceContext) {
  const path = (id: number) => ({ params: { path: { id } } });
  return {
    /** List operators, sorted by name. */
    async list(options?: RequestOptions) {
      return unwrap(await raw.GET('/operators', init(options))).data;
    },
    /** Get an operator with its virtual number assignments. */
    async get(id: number, options?: RequestOptions) {
      return unwrap(await raw.GET('/operators/{id}', { ...path(id), ...init(options) })).data;
    },
    /** Create an operator. `phone_number` is normalised to E.164 by the API. Not retried (a POST). */
    async create(body: OperatorCreate, options?: RequestOptions) {
      return unwrap(await raw.POST('/operators', { body, ...init(options) })).data;
    },
    /** Update an operator: only the fields sent change; `email: null` clears the email. Retried like any PATCH. */
    async update(id: number, body: OperatorUpdate, options?: RequestOptions) {
      return unwrap(await raw.PATCH('/operators/{id}', { ...path(id), body, ...init(options) })).data;
    },
    /** Delete an operator (it leaves every routing list). Resolves to `{ success: true }`. */
    async delete(id: number, options?: RequestOptions) {
      return unwrap(await raw.DELETE('/operators/{id}', { ...path(id), ...init(options) }));
    },
  };
}

/** The `client.operators` resource. */
export type OperatorsResource = ReturnType<typeof operatorsResource>;
