/** The admin routes outside the base path: reset, keys, advancing a recording. */
import { describe, expect, it } from 'vitest';
import { KEYS, admin as adminRequest, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox({ processing: 'manual' });
const admin = (path: string, method = 'POST') => adminRequest(sandbox(), path, method);

describe('admin routes', () => {
  it('lists the seeded keys with their permissions and projects', async () => {
    const res = await admin('/keys', 'GET');
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: Array<{ key: string; permissions: string[]; project_id: number | null }> };
    expect(data.find((k) => k.key === KEYS.project42)).toMatchObject({ permissions: ['read', 'write', 'delete'], project_id: 42 });
    expect(data.map((k) => k.key).sort()).toEqual(Object.values(KEYS).sort());
  });

  it('resets every change to the seed, and so does the reset() of the API', async () => {
    await api().delete('/operators/42');
    await api().post('/projects', { name: 'Temporary', language: 'en' });
    expect((await admin('/reset')).status).toBe(200);
    expect((await api().get('/operators/42')).status).toBe(200);
    expect((await api().get('/projects')).body.data).toHaveLength(3);
    await api().patch('/operators/42', { name: 'Changed' });
    await sandbox().reset();
    expect((await api().get('/operators/42')).body.data.name).toBe('Jane Doe');
  });

  it('advances a recording by numeric id or public_id, and stops at completed', async () => {
    const seeded = (await api().get('/recordings/126')).body.data;
    expect(seeded.status).toBe('pending');
    const statuses: string[] = [];
    for (const ref of ['126', seeded.public_id, '126']) {
      const res = await admin(`/recordings/${ref}/advance`);
      statuses.push(((await res.json()) as { data: { status: string } }).data.status);
    }
    expect(statuses).toEqual(['processing', 'completed', 'completed']);
  });

  it.each([
    { path: '/reset', method: 'GET', status: 405 },
    { path: '/keys', method: 'DELETE', status: 405 },
    { path: '/recordings/999/advance', method: 'POST', status: 404 },
    { path: '/recordings/%E0%A4%A/advance', method: 'POST', status: 404 },
    { path: '/nothing', method: 'GET', status: 404 },
  ])('answers $status to $method $path', async ({ path, method, status }) => {
    const res = await admin(path, method);
    expect(res.status).toBe(status);
    expect(await res.json()).toHaveProperty('error');
  });
});
