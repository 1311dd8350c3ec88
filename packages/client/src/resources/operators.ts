/**
 * Operators: the human agents who receive calls routed through virtual numbers.
 * @see https://docs.identitycall.ai/api-reference/operators
 */
import type { OperatorCreate, OperatorUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';

/** Creates the `operators` resource over a client context. */
export function operatorsResource({ raw, unwrap }: ResourceContext) {
  return {
    /** List operators, sorted by name. */
    async list() {
      return unwrap(await raw.GET('/operators')).data;
    },
    /** Get an operator with its virtual number assignments. */
    async get(id: number) {
      return unwrap(await raw.GET('/operators/{id}', { params: { path: { id } } })).data;
    },
    /** Create an operator; `phone_number` is normalised to E.164 by the API. */
    async create(body: OperatorCreate) {
      return unwrap(await raw.POST('/operators', { body })).data;
    },
    /** Update an operator: only the fields sent change; `email: null` clears the email. */
    async update(id: number, body: OperatorUpdate) {
      return unwrap(await raw.PATCH('/operators/{id}', { params: { path: { id } }, body })).data;
    },
    /** Delete an operator (it leaves every routing list); resolves to `{ success: true }`. */
    async delete(id: number) {
      return unwrap(await raw.DELETE('/operators/{id}', { params: { path: { id } } }));
    },
  };
}

/** The `client.operators` resource. */
export type OperatorsResource = ReturnType<typeof operatorsResource>;
