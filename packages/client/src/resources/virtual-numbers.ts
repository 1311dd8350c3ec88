/**
 * Virtual numbers: rented phone numbers, with the operators calls are routed to.
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers
 */
import type { AddOperatorRequest, operations, VirtualNumberPurchase, VirtualNumberUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';

/** Query of {@link VirtualNumbersResource.available}. */
export type AvailableNumbersQuery = NonNullable<operations['listAvailableVirtualNumbers']['parameters']['query']>;

/** Creates the `virtualNumbers` resource over a client context. */
export function virtualNumbersResource({ raw, unwrap }: ResourceContext) {
  return {
    /** List the virtual numbers the key can see. */
    async list() {
      return unwrap(await raw.GET('/virtual_numbers')).data;
    },
    /** Get a number with its routing, operators, stats and recent calls. */
    async get(id: number) {
      return unwrap(await raw.GET('/virtual_numbers/{id}', { params: { path: { id } } })).data;
    },
    /** Update a number's name, active flag, recording or routing strategy. */
    async update(id: number, body: VirtualNumberUpdate) {
      return unwrap(await raw.PATCH('/virtual_numbers/{id}', { params: { path: { id } }, body })).data;
    },
    /** Search numbers available to rent (provider pass-through fields). */
    async available(query: AvailableNumbersQuery = {}) {
      return unwrap(await raw.GET('/virtual_numbers/available', { params: { query } })).data;
    },
    /** Buy (rent) a number found with `available`. */
    async purchase(body: VirtualNumberPurchase) {
      return unwrap(await raw.POST('/virtual_numbers/purchase', { body })).data;
    },
    /** Attach an operator (existing by `operator_id`, or new by `phone_number`) at the end of the priority list. */
    async addOperator(id: number, body: AddOperatorRequest) {
      return unwrap(await raw.POST('/virtual_numbers/{id}/add_operator', { params: { path: { id } }, body })).data;
    },
    /** Detach an operator from the number's routing list (the operator itself stays). */
    async removeOperator(id: number, operatorId: number) {
      return unwrap(
        await raw.DELETE('/virtual_numbers/{id}/remove_operator', {
          params: { path: { id }, query: { operator_id: operatorId } },
        }),
      ).data;
    },
  };
}

/** The `client.virtualNumbers` resource. */
export type VirtualNumbersResource = ReturnType<typeof virtualNumbersResource>;
