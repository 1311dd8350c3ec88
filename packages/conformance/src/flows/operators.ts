/**
 * Operators flow: create → get → list → update → get → delete → get, update and delete again (404).
 * @see https://docs.identitycall.ai/api-reference/operators
 */
import type { OperatorCreate, OperatorUpdate } from '@identitycall/client';
import { example, fetchCreated, expectGone, expectListed, isStateful, type Flow } from './flow.js';

/** The operators flows. */
export const operatorFlows: Flow[] = [
  {
    name: 'operators: create → get → list → update → get → delete → get (404)',
    covers: ['createOperator', 'getOperator', 'listOperators', 'updateOperator', 'deleteOperator'],
    async run(ctx) {
      const created = await ctx.ok((c) => c.operators.create(example<OperatorCreate>(ctx, 'createOperator')));
      const fetched = await fetchCreated(ctx, 'the operator', (c) => c.operators.get(created.id));
      const listed = await ctx.ok((c) => c.operators.list());
      if (isStateful(ctx)) {
        ctx.same('ensure_resource_availability', 'the created operator, fetched', fetched, created);
        expectListed(ctx, listed, created.id, 'operator');
      }
      const updated = await ctx.ok((c) => c.operators.update(created.id, example<OperatorUpdate>(ctx, 'updateOperator')));
      const again = await ctx.ok((c) => c.operators.get(created.id));
      if (isStateful(ctx)) ctx.same('ensure_resource_availability', 'the updated operator, fetched', again, updated);
      await ctx.ok((c) => c.operators.delete(created.id), { returns: 'body' });
      if (isStateful(ctx)) {
        await expectGone(ctx, 'getOperator', 'the operator', (c) => c.operators.get(created.id));
        await expectGone(ctx, 'updateOperator', 'the operator', (c) => c.operators.update(created.id, { active: true }));
        await expectGone(ctx, 'deleteOperator', 'the operator', (c) => c.operators.delete(created.id));
      }
    },
  },
];
