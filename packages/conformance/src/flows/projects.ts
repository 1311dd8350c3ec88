/**
 * Projects flow: create → get → update (partial; null disables retention) → list → delete → get (404).
 * @see https://docs.identitycall.ai/api-reference/projects
 */
import { NotFoundError } from '@identitycall/client';
import { expect } from 'vitest';
import { expectUnwrapped, isStateful, type Flow } from './flow.js';

export const projectFlows: Flow[] = [
  {
    name: 'projects: create → get → update → list → delete',
    covers: ['createProject', 'getProject', 'updateProject', 'listProjects', 'deleteProject'],
    async run(h) {
      const stateful = isStateful(h);
      const created = await h.client.projects.create({ name: 'Customer Support EN', language: 'en' });
      expectUnwrapped(h, created);
      expect(h.exchanges.at(-1)!.response.status).toBe(201);
      if (stateful) expect(created).toMatchObject({ name: 'Customer Support EN', language: 'en' });

      const fetched = await h.client.projects.get(created.id);
      expectUnwrapped(h, fetched);
      if (stateful) expect(fetched).toMatchObject({ id: created.id, name: 'Customer Support EN' });

      const update = { description: 'Inbound English-language support line.', retention_days: 730, quality_baseline_enabled: true, quality_baseline_pct: 80 };
      const updated = await h.client.projects.update(created.id, update);
      expectUnwrapped(h, updated);
      if (stateful) {
        expect(updated).toMatchObject({ ...update, name: 'Customer Support EN' });
        const cleared = await h.client.projects.update(created.id, { retention_days: null });
        expect(cleared.retention_days).toBeNull();
        expect(cleared.description).toBe(update.description);
      }

      const listed = await h.client.projects.list();
      expectUnwrapped(h, listed);
      if (stateful) expect(listed.map((p) => p.id)).toContain(created.id);

      expect(await h.client.projects.delete(created.id)).toBeUndefined();
      expect(h.exchanges.at(-1)!.response.status).toBe(204);
      if (stateful) await expect(h.client.projects.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
    },
  },
];
