/**
 * Concurrency: parallel updates never mix, parallel creates never share an id. Each burst does real
 * I/O, so it gets a generous explicit timeout: a limit for a hang, never a measure of speed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

const N = 200;
const BURST_TIMEOUT = 120_000;

describe('200 parallel requests', () => {
  it(
    'leave an operator equal to exactly one of 200 parallel PATCHes, never a mix',
    async () => {
      const bodies = Array.from({ length: N }, (_, i) => ({
        name: `Parallel Operator${i}`,
        email: `parallel${i}@example.com`,
        phone_number: `+1555555${String(1000 + i).padStart(4, '0')}`,
        active: i % 2 === 0,
      }));
      const answers = await Promise.all(bodies.map((b) => api().patch('/operators/42', b)));
      // Each answer shows its own request applied whole.
      answers.forEach((a, i) => {
        expect(a.status).toBe(200);
        expect(a.body.data).toMatchObject(bodies[i]!);
      });
      const final = (await api().get('/operators/42')).body.data;
      const matches = bodies.filter(
        (b) => b.name === final.name && b.email === final.email && b.phone_number === final.phone_number && b.active === final.active,
      );
      expect(matches).toHaveLength(1);
      expect(final.initials).toBe('PO');
    },
    BURST_TIMEOUT,
  );

  it(
    'give 200 parallel creates 200 distinct ids, all listed',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) => api().post('/operators', { name: `Created ${i}`, phone_number: '+15555550100' })),
      );
      expect(answers.every((a) => a.status === 201)).toBe(true);
      const ids = answers.map((a) => a.body.data.id as number);
      expect(new Set(ids).size).toBe(N);
      answers.forEach((a, i) => expect(a.body.data.name).toBe(`Created ${i}`));
      const listed = new Set((await api().get('/operators')).body.data.map((o: { id: number }) => o.id));
      for (const id of ids) expect(listed.has(id)).toBe(true);
    },
    BURST_TIMEOUT,
  );

  it(
    'give 200 parallel uploads with one external id exactly one 201 and 199 replays of it',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: N }, () => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(64)]), 'same.mp3');
          form.append('project_id', '42');
          form.append('external_id', 'one-call');
          return api().call('POST', '/recordings', { form });
        }),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(N - 1);
      expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    },
    BURST_TIMEOUT,
  );
});
