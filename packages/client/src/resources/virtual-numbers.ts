/**
 * Virtual numbers: rented phone numbers, with the operators calls are routed to.
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers
 */
import type { AddOperatorRequest, operations, VirtualNumberPurchase, VirtualNumberUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';
import type { RequestOptions } from '../options.js';

/** Query of {@link VirtualNumbersResource.available}. */
export type AvailableNumbersQuery = NonNullable<operations['listAvailableVirtualNumbers']['parameters']['query']>;

/** Creates the `virtualNumbers` resource over a client context. */
export function virtualNumbersResource({ raw, unwrap, init }: ResourceContext) {
  const path = (id: number) => ({ params: { path: { id } } });
  return {
    /** List virtual numbers the key can see. */
    async list(options?: RequestOptions) {
      return unwrap(await raw.GET('/virtual_numbers', init(options))).data;
    },
    /** Get a virtual number with its routing, operators, stats and recent calls. */
    async get(id: number, options?: RequestOptions) {
      return unwrap(await raw.GET('/virtual_numbers/{id}', { ...path(id), ...init(options) })).data;
    },
    /** Update a virtual number: its name, active flag, recording or routing strategy. */
    async update(id: number, body: VirtualNumberUpdate, options?: RequestOptions) {
      return unwrap(await raw.PATCH('/virtual_numbers/{id}', { ...path(id), body, ...init(options) })).data;
    },
    /** Search numbers available to rent (provider pass-through fields). */
    async available(query: AvailableNumbersQuery = {}, options?: RequestOptions) {
      return unwrap(await raw.GET('/virtual_numbers/available', { params: { query }, ...init(options) })).data;
    },
    /** Purchase a virtual number found with `available`. Never retried: a repeat could buy twice. */
    async purchase(body: VirtualNumberPurchase, options?: RequestOptions) {
      return unwrap(await raw.POST('/virtual_numbers/purchase', { body, ...init(options) })).data;
    },
    /** Attach an operator to a virtual number (existing by `operator_id`, or new by `phone_number`), at the end of the priority list. */
    async addOperator(id: number, body: AddOperatorRequest, options?: RequestOptions) {
      return unwrap(await raw.POST('/virtual_numbers/{id}/add_operator', { ...path(id), body, ...init(options) })).data;
    },
    /** Detach an operator from a virtual number's routing list (the operator itself stays). */
    async removeOperator(id: number, operatorId: number, options?: RequestOptions) {
      return unwrap(
        await raw.DELETE('/virtual_numbers/{id}/remove_operator', {
          params: { path: { id }, query: { operator_id: operatorId } },
          ...init(options),
        }),
      ).data;
    },
  };
}

/** The `client.virtualNumbers` resource. */
export type VirtualNumbersResource = ReturnType<typeof virtualNumbersResource>;
