/**
 * Virtual numbers flow: available → purchase → get → list → update → attach an operator → get →
 * detach it → get. Purchasing rents a number the API cannot release, so the flow needs
 * `--allow-purchase` (on by default for loopback targets).
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers
 */
import type { NumberType, OperatorCreate, VirtualNumberUpdate } from '@identitycall/client';
import { withoutVolatile } from '@identitycall/openapi';
import { numberSearches } from '../cases/setup.js';
import { example, fetchCreated, expectListed, isStateful, type Flow } from './flow.js';

/** The virtual-numbers flows. */
export const virtualNumberFlows: Flow[] = [
  {
    name: 'virtual numbers: available → purchase → get → list → update → attach operator → get → detach → get',
    covers: [
      'listAvailableVirtualNumbers',
      'purchaseVirtualNumber',
      'getVirtualNumber',
      'listVirtualNumbers',
      'updateVirtualNumber',
      'addVirtualNumberOperator',
      'removeVirtualNumberOperator',
    ],
    needs: ['purchase'],
    async run(ctx) {
      let offer: { phone_number: string; country: string; number_type: NumberType } | undefined;
      for (const search of numberSearches(ctx)) {
        const number_type = search.number_type as NumberType;
        const available = await ctx.ok((c) => c.virtualNumbers.available({ country: search.country, number_type }));
        if (available[0]) {
          offer = { phone_number: available[0].phone_number, country: search.country, number_type };
          break;
        }
      }
      if (!offer) return ctx.skip('no number is available to purchase', 'catalogue');
      const name = `Conformance ${ctx.session.runId}`;
      const purchased = await ctx.ok((c) =>
        c.virtualNumbers.purchase({ phone_number: offer.phone_number, country_code: offer.country, number_type: offer.number_type, name }),
      );
      const fetched = await fetchCreated(ctx, 'the number', (c) => c.virtualNumbers.get(purchased.id));
      const listed = await ctx.ok((c) => c.virtualNumbers.list());
      if (isStateful(ctx)) {
        ctx.same(
          'ensure_resource_availability',
          'the purchased number, fetched (id, phone_number, name)',
          [fetched.id, fetched.phone_number, fetched.name],
          [purchased.id, purchased.phone_number, purchased.name],
        );
        expectListed(ctx, listed, purchased.id, 'virtual number');
      }
      // A number read twice is compared without what changes with no write to it (x-volatile: the
      // account's other operators, call activity), so another client of the account cannot fail it.
      const stable = <T>(operationId: string, value: T): T => withoutVolatile(ctx.session.doc, operationId, value);
      const update = example<VirtualNumberUpdate>(ctx, 'updateVirtualNumber');
      const updated = await ctx.ok((c) => c.virtualNumbers.update(purchased.id, update));
      if (isStateful(ctx))
        ctx.same(
          'ensure_resource_availability',
          'the updated number, fetched (x-volatile properties aside)',
          stable('getVirtualNumber', await ctx.ok((c) => c.virtualNumbers.get(purchased.id))),
          stable('updateVirtualNumber', updated),
        );

      const operator = await ctx.ok((c) => c.operators.create(example<OperatorCreate>(ctx, 'createOperator')));
      const attached = await ctx.ok((c) => c.virtualNumbers.addOperator(purchased.id, { operator_id: operator.id }));
      const afterAttach = await ctx.ok((c) => c.virtualNumbers.get(purchased.id));
      if (isStateful(ctx)) {
        ctx.check(
          'ensure_resource_availability',
          attached.operators.some((o) => o.id === operator.id),
          `operator ${operator.id} is not among the attached operators after Attach Operator`,
        );
        ctx.same(
          'ensure_resource_availability',
          'the number after attaching, fetched (x-volatile properties aside)',
          stable('getVirtualNumber', afterAttach),
          stable('addVirtualNumberOperator', attached),
        );
      }
      const detached = await ctx.ok((c) => c.virtualNumbers.removeOperator(purchased.id, operator.id));
      const afterDetach = await ctx.ok((c) => c.virtualNumbers.get(purchased.id));
      if (isStateful(ctx)) {
        ctx.check(
          'ensure_resource_availability',
          !detached.operators.some((o) => o.id === operator.id),
          `operator ${operator.id} is still attached after Detach Operator`,
        );
        ctx.same(
          'ensure_resource_availability',
          'the number after detaching, fetched (x-volatile properties aside)',
          stable('getVirtualNumber', afterDetach),
          stable('removeVirtualNumberOperator', detached),
        );
      }
    },
  },
];
