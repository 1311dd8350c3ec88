/**
 * Virtual numbers flow: available → purchase → update → add operator → get → remove operator → list.
 * Purchasing rents a real number on a deployment, so there the flow is read-only.
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers
 */
import { expect } from 'vitest';
import { expectUnwrapped, isStateful, type Flow } from './flow.js';

export const virtualNumberFlows: Flow[] = [
  {
    name: 'virtual numbers: available → purchase → update → add operator → get → remove operator → list',
    covers: [
      'listAvailableVirtualNumbers',
      'purchaseVirtualNumber',
      'updateVirtualNumber',
      'addVirtualNumberOperator',
      'getVirtualNumber',
      'removeVirtualNumberOperator',
      'listVirtualNumbers',
    ],
    skipOn: { kinds: ['external'], reason: 'purchasing rents a real phone number; run against the mock or the sandbox' },
    async run(h) {
      const stateful = isStateful(h);
      const available = await h.client.virtualNumbers.available({ country: 'US', number_type: 'local' });
      expectUnwrapped(h, available);
      expect(available.length).toBeGreaterThan(0);
      const candidate = available[0]!;

      const purchased = await h.client.virtualNumbers.purchase({
        phone_number: candidate.phone_number,
        country_code: 'US',
        number_type: 'local',
        name: 'US Sales Line',
      });
      expectUnwrapped(h, purchased);
      expect(h.exchanges.at(-1)!.response.status).toBe(201);
      if (stateful) expect(purchased).toMatchObject({ phone_number: candidate.phone_number, name: 'US Sales Line', operators_count: 0 });

      const updated = await h.client.virtualNumbers.update(purchased.id, { routing_strategy: 'round_robin', name: 'US Sales Line - Primary' });
      expectUnwrapped(h, updated);
      expect(updated.routing_strategy).toBe('round_robin');
      if (stateful) expect(updated).toMatchObject({ name: 'US Sales Line - Primary', recording: true });

      const operator = await h.client.operators.create({ name: 'Eva Frank', phone_number: '+15555550122' });
      const attached = await h.client.virtualNumbers.addOperator(purchased.id, { operator_id: operator.id });
      expectUnwrapped(h, attached);
      if (stateful) {
        expect(attached.operators.map((o) => o.id)).toContain(operator.id);
        const again = await h.client.virtualNumbers.addOperator(purchased.id, { operator_id: operator.id });
        expect(again.operators.filter((o) => o.id === operator.id)).toHaveLength(1);
      }

      const fetched = await h.client.virtualNumbers.get(purchased.id);
      expectUnwrapped(h, fetched);

      const detached = await h.client.virtualNumbers.removeOperator(purchased.id, operator.id);
      expectUnwrapped(h, detached);
      if (stateful) {
        expect(detached.operators.map((o) => o.id)).not.toContain(operator.id);
        expect(detached.available_operators.map((o) => o.id)).toContain(operator.id);
      }

      const listed = await h.client.virtualNumbers.list();
      expectUnwrapped(h, listed);
      if (stateful) expect(listed.map((n) => n.id)).toContain(purchased.id);
      await h.client.operators.delete(operator.id);
    },
  },
];
