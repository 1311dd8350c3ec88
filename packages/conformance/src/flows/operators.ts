/**
 * Operators flow: create → get → update (partial, then clearing the email) → list → delete → get (404).
 * @see https://docs.identitycall.ai/api-reference/operators
 */
import { NotFoundError } from '@identitycall/client';
import { expect } from 'vitest';
import { expectUnwrapped, isStateful, type Flow } from './flow.js';

export const operatorFlows: Flow[] = [
  {
    name: 'operators: create → get → update → list → delete',
    covers: ['createOperator', 'getOperator', 'updateOperator', 'listOperators', 'deleteOperator'],
    async run(h) {
      const stateful = isStateful(h);
      const input = { name: 'Jane Doe', phone_number: '+15551234567', email: 'jane.doe@example.com', active: true };
      const created = await h.client.operators.create(input);
      expectUnwrapped(h, created);
      expect(h.exchanges.at(-1)!.response.status).toBe(201);
      if (stateful) expect(created).toMatchObject({ ...input, initials: 'JD', virtual_numbers: [] });

      const fetched = await h.client.operators.get(created.id);
      expectUnwrapped(h, fetched);
      if (stateful) expect(fetched).toEqual(created);

      const updated = await h.client.operators.update(created.id, { email: 'jane.doe+work@example.com', active: false });
      expectUnwrapped(h, updated);
      expect(updated).toMatchObject({ email: 'jane.doe+work@example.com', active: false });
      if (stateful) {
        expect(updated).toMatchObject({ name: input.name, phone_number: input.phone_number });
        const cleared = await h.client.operators.update(created.id, { email: null });
        expect(cleared.email).toBeNull();
        expect(cleared.active).toBe(false);
      }

      const listed = await h.client.operators.list();
      expectUnwrapped(h, listed);
      if (stateful) expect(listed.map((o) => o.id)).toContain(created.id);

      const deleted = await h.client.operators.delete(created.id);
      expect(deleted).toEqual({ success: true });
      if (stateful) await expect(h.client.operators.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
    },
  },
];
