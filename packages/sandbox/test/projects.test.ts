/** Projects: listing, create/delete rules for key scopes, partial update, cascade on delete. */
import { beforeEach, describe, expect, it } from 'vitest';
import { KEYS, uploadForm, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

describe('list and get projects', () => {
  it('lists every project by name for an account-wide key, only its own for a project-scoped key', async () => {
    const wide = await api().get('/projects');
    expect(wide.body.data.map((p: { name: string }) => p.name)).toEqual(['Compliance Recordings', 'Customer Support EN', 'Sales Outbound']);
    const scoped = await api().get('/projects', { key: KEYS.project42 });
    expect(scoped.body.data.map((p: { id: number }) => p.id)).toEqual([42]);
  });

  it('gives the detail with live counts', async () => {
    const res = await api().get('/projects/42');
    expect(res.body.data).toMatchObject({
      id: 42,
      name: 'Customer Support EN',
      retention_days: 365,
      quality_baseline_pct: 75,
      recordings_count: 2,
      virtual_numbers_count: 1,
    });
  });

  it.each([
    { name: 'get', method: 'GET' as const, json: undefined },
    { name: 'update', method: 'PATCH' as const, json: { name: 'Taken over' } },
  ])('answers 404 when a project-scoped key asks for another project ($name)', async ({ method, json }) => {
    const res = await api().call(method, '/projects/43', { key: KEYS.project42, json });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Resource not found' });
    expect((await api().get('/projects/43')).body.data.name).toBe('Sales Outbound');
  });
});

describe('create project', () => {
  it('creates a project (201) with the short form and counts; languages fall back to `language`', async () => {
    const res = await api().post('/projects', { name: 'Claims', language: 'de', industry: 'insurance' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'Claims', language: 'de', industry: 'insurance', recordings_count: 0 });
    const detail = (await api().get(`/projects/${res.body.data.id}`)).body.data;
    expect(detail).toMatchObject({ goal_language: 'de', summary_language: 'de', retention_days: null, quality_baseline_enabled: false });
  });

  it('refuses project-scoped keys with the documented 403', async () => {
    const res = await api().post('/projects', { name: 'Mine', language: 'en' }, { key: KEYS.project42 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Project-scoped API keys cannot create or destroy projects' });
    expect((await api().get('/projects')).body.data).toHaveLength(3);
  });

  it.each([
    { name: 'missing name and language', body: {}, messages: ["Name can't be blank", "Language can't be blank"] },
    { name: 'blank name', body: { name: '  ', language: 'en' }, messages: ["Name can't be blank"] },
    {
      name: 'percent over 100',
      body: { name: 'X', language: 'en', quality_baseline_pct: 101 },
      messages: ['Quality baseline pct must be <= 100'],
    },
    {
      name: 'wrong type',
      body: { name: 'X', language: 'en', retention_days: 'forever' },
      messages: ['Retention days must be an integer or null'],
    },
  ])('answers 422 naming the field ($name)', async ({ body, messages }) => {
    const res = await api().post('/projects', body);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(messages);
  });
});

describe('update project', () => {
  it('changes only the fields sent; null disables retention', async () => {
    const before = (await api().get('/projects/42')).body.data;
    const res = await api().patch('/projects/42', { retention_days: null, description: 'Renamed line.' });
    expect(res.status).toBe(200);
    const { updated_at: _a, ...rest } = res.body.data;
    const { updated_at: _b, ...restBefore } = before;
    expect(rest).toEqual({ ...restBefore, retention_days: null, description: 'Renamed line.' });
  });

  it('lets a project-scoped key update its own project', async () => {
    const res = await api().patch('/projects/42', { industry: 'retail' }, { key: KEYS.project42 });
    expect(res.status).toBe(200);
    expect(res.body.data.industry).toBe('retail');
  });
});

describe('delete project', () => {
  it('refuses project-scoped keys with 403 even for their own project', async () => {
    const res = await api().delete('/projects/42', { key: KEYS.project42 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Project-scoped API keys cannot create or destroy projects' });
  });

  it('needs the delete permission', async () => {
    const res = await api().delete('/projects/42', { key: KEYS.noDelete });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Delete permission required' });
  });

  it('deletes the project with its recordings and numbers (204), leaving operators on the account', async () => {
    const upload = await api().call('POST', '/recordings', {
      form: uploadForm({ project_id: 42 }, { name: 'call.mp3' }),
    });
    expect(upload.status).toBe(201);
    const res = await api().delete('/projects/42');
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await api().get('/projects/42')).status).toBe(404);
    expect((await api().get('/recordings/123')).status).toBe(404);
    expect((await api().get(`/recordings/${upload.body.data.public_id}`)).status).toBe(404);
    expect((await api().get('/virtual_numbers/7')).status).toBe(404);
    expect((await api().get('/operators/13')).status).toBe(200);
    // The project-scoped key of the deleted project now sees nothing.
    expect((await api().get('/operators', { key: KEYS.project42 })).body.data).toEqual([]);
    expect((await api().delete('/projects/42')).status).toBe(404);
  });
});
