/** Recordings: pagination, upload rules and idempotency, processing, canned analysis, update, delete, scope. */
import { beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { Api, KEYS, admin, uploadForm, useSandbox } from './helpers.js';

const LIMIT = 4096;
const { api, sandbox } = useSandbox({ uploadLimits: { mp3: LIMIT, wav: 2 * LIMIT } });
beforeEach(() => sandbox().reset());

const upload = (fields: Record<string, string | number>, file?: { name: string; size?: number; type?: string }, key?: string) =>
  api().call('POST', '/recordings', { form: uploadForm(fields, file), key });

describe('list recordings', () => {
  it('walks every page with meta until current_page >= total_pages', async () => {
    for (let i = 0; i < 7; i++) expect((await upload({ project_id: 43, name: `Call ${i}` }, { name: `c${i}.mp3` })).status).toBe(201);
    const seen: number[] = [];
    let page = 1;
    for (;;) {
      const res = await api().get(`/recordings?per_page=3&page=${page}`);
      expect(res.body.meta).toEqual({ current_page: page, per_page: 3, total_pages: 4, total_count: 11 });
      seen.push(...res.body.data.map((r: { id: number }) => r.id));
      if (res.body.meta.current_page >= res.body.meta.total_pages) break;
      page++;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const past = await api().get('/recordings?per_page=3&page=9');
    expect(past.body.data).toEqual([]);
  });

  it('defaults to page 1 of 20 and filters by status', async () => {
    const all = await api().get('/recordings');
    expect(all.body.meta).toEqual({ current_page: 1, per_page: 20, total_pages: 1, total_count: 4 });
    const done = await api().get('/recordings?status=completed');
    expect(done.body.data.map((r: { id: number }) => r.id)).toEqual([124, 123]);
  });

  it.each([
    { name: 'per_page over 100', query: 'per_page=101', field: 'per_page' },
    { name: 'per_page zero', query: 'per_page=0', field: 'per_page' },
    { name: 'page zero', query: 'page=0', field: 'page' },
    { name: 'non-numeric page', query: 'page=two', field: 'page' },
    { name: 'unknown status', query: 'status=lost', field: 'status' },
  ])('answers 400 naming the parameter ($name)', async ({ query, field }) => {
    const res = await api().get(`/recordings?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.startsWith(`${field} `)).toBe(true);
  });

  it('lists only its project for a project-scoped key', async () => {
    const res = await api().get('/recordings', { key: KEYS.project44 });
    expect(res.body.data.map((r: { id: number }) => r.id)).toEqual([126]);
  });
});

describe('upload', () => {
  it('creates a pending recording (201) named after the file when no name is sent', async () => {
    const res = await upload({ project_id: 42, language: 'de' }, { name: 'interview.mp3' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'pending', name: 'interview.mp3', language: 'de', project_id: 42 });
    expect(res.body.data.public_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('replays an upload with the same (project_id, external_id): 200 with the same recording', async () => {
    const first = await upload({ project_id: 42, external_id: 'crm-1' }, { name: 'a.mp3' });
    const replay = await upload({ project_id: 42, external_id: 'crm-1', name: 'Other' }, { name: 'b.wav' });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual(first.body.data);
    const elsewhere = await upload({ project_id: 43, external_id: 'crm-1' }, { name: 'a.mp3' });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.data.id).not.toBe(first.body.data.id);
    expect((await api().get('/recordings')).body.meta.total_count).toBe(6);
  });

  it('replays the seeded recording 123 by its external id', async () => {
    const res = await upload({ project_id: 42, external_id: 'crm-call-abc-123' }, { name: 'call-recording.mp3' });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(123);
  });

  it('files a project-scoped upload under the key project; another project_id is 403', async () => {
    const own = await upload({}, { name: 'a.ogg', type: 'audio/ogg' }, KEYS.project42);
    expect(own.status).toBe(201);
    expect(own.body.data.project_id).toBe(42);
    const other = await upload({ project_id: 43 }, { name: 'a.ogg' }, KEYS.project42);
    expect(other.status).toBe(403);
    expect((await api().get('/recordings')).body.meta.total_count).toBe(5);
  });

  it.each([
    { name: 'no file', fields: { project_id: 42 }, file: undefined, status: 400, error: 'file is required' },
    { name: 'empty file input', fields: { project_id: 42 }, file: { name: '' }, status: 400, error: 'file is required' },
    {
      name: 'unsupported format',
      fields: { project_id: 42 },
      file: { name: 'notes.txt', type: 'text/plain' },
      status: 422,
      error: 'Invalid file type',
    },
    {
      name: 'over the mp3 limit',
      fields: { project_id: 42 },
      file: { name: 'big.mp3', size: LIMIT + 1 },
      status: 422,
      error: 'File too large',
    },
    { name: 'no project_id (account-wide key)', fields: {}, file: { name: 'a.mp3' }, status: 422, error: 'project_id is required' },
    { name: 'unknown project', fields: { project_id: 999 }, file: { name: 'a.mp3' }, status: 422, error: 'Project must exist' },
    {
      name: 'non-numeric project_id',
      fields: { project_id: 'abc' },
      file: { name: 'a.mp3' },
      status: 422,
      error: 'project_id must be an integer',
    },
  ])('refuses an upload with $name', async ({ fields, file, status, error }) => {
    const res = await upload(fields, file);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error });
    expect((await api().get('/recordings')).body.meta.total_count).toBe(4);
  });

  it('applies each format its own limit (a wav may be twice an mp3 here)', async () => {
    expect((await upload({ project_id: 42 }, { name: 'ok.wav', size: LIMIT + 1 })).status).toBe(201);
    expect((await upload({ project_id: 42 }, { name: 'big.WAV', size: 2 * LIMIT + 1 })).status).toBe(422);
  });

  it('answers "file is required" for a JSON body', async () => {
    const res = await api().post('/recordings', { project_id: 42 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'file is required' });
  });
});

describe('processing (on-read)', () => {
  it('moves pending → processing → completed, one step per Get, and only then serves the transcription', async () => {
    const { public_id: id } = (await upload({ project_id: 42 }, { name: 'a.mp3' })).body.data;
    const transcription = await api().get(`/recordings/${id}/transcription`);
    expect(transcription.status).toBe(422);
    expect(transcription.body).toEqual({ error: 'Transcription not available' });
    expect((await api().get(`/recordings/${id}/results`)).body.data).toMatchObject({ goals: [], pauses: [] });
    expect((await api().get(`/recordings/${id}`)).body.data.status).toBe('processing');
    expect((await api().get(`/recordings/${id}/transcription`)).status).toBe(422);
    const done = await api().get(`/recordings/${id}`);
    expect(done.body.data).toMatchObject({ status: 'completed', dialogues_count: 3, goals_evaluated: true, duration_ms: 13500 });
    expect((await api().get(`/recordings/${id}`)).body.data.status).toBe('completed');
    const t = await api().get(`/recordings/${id}/transcription`);
    expect(t.status).toBe(200);
    expect(t.body.data.dialogues).toHaveLength(3);
    expect(t.body.data.recording_id).toBe(done.body.data.id);
    const results = (await api().get(`/recordings/${id}/results`)).body.data;
    expect(results.goals.map((g: { goal_name: string }) => g.goal_name)).toContain('Offer Follow-up');
    const summary = (await api().get(`/recordings/${id}/summary`)).body.data;
    expect(summary).toMatchObject({ speakers: ['Agent', 'John Smith'], goal_achievement: 87.5, duration_ms: 13500 });
  });

  it('fails an empty (0-byte) file instead of completing it', async () => {
    const { id } = (await upload({ project_id: 42 }, { name: 'silence.mp3', size: 0 })).body.data;
    await api().get(`/recordings/${id}`);
    expect((await api().get(`/recordings/${id}`)).body.data.status).toBe('failed');
    expect((await api().get(`/recordings/${id}/transcription`)).status).toBe(422);
  });
});

describe('processing modes', () => {
  it('instant: uploads are completed at once', async () => {
    const sb = await startSandbox({ port: 0, processing: 'instant' });
    try {
      const res = await new Api(sb).call('POST', '/recordings', { form: uploadForm({ project_id: 42 }, { name: 'a.mp3' }) });
      expect(res.body.data.status).toBe('completed');
    } finally {
      await sb.stop();
    }
  });

  it('manual: nothing moves until the admin route advances it', async () => {
    const sb = await startSandbox({ port: 0, processing: 'manual' });
    try {
      const client = new Api(sb);
      const { id } = (await client.call('POST', '/recordings', { form: uploadForm({ project_id: 42 }, { name: 'a.mp3' }) })).body.data;
      expect((await client.get(`/recordings/${id}`)).body.data.status).toBe('pending');
      expect((await client.get(`/recordings/${id}`)).body.data.status).toBe('pending');
      const advanced = await admin(sb, `/recordings/${id}/advance`);
      expect(((await advanced.json()) as { data: { status: string } }).data.status).toBe('processing');
      await admin(sb, `/recordings/${id}/advance`);
      expect((await client.get(`/recordings/${id}`)).body.data.status).toBe('completed');
    } finally {
      await sb.stop();
    }
  });

  it('timed: one step per stepMs of the sandbox clock', async () => {
    let now = Date.parse('2026-05-01T12:00:00Z');
    const sb = await startSandbox({ port: 0, processing: { stepMs: 30_000 }, clock: () => new Date(now) });
    try {
      const client = new Api(sb);
      const { id } = (await client.call('POST', '/recordings', { form: uploadForm({ project_id: 42 }, { name: 'a.mp3' }) })).body.data;
      expect((await client.get(`/recordings/${id}`)).body.data.status).toBe('pending');
      now += 30_000;
      expect((await client.get(`/recordings/${id}`)).body.data.status).toBe('processing');
      now += 30_000;
      expect((await client.get(`/recordings?status=completed`)).body.data.map((r: { id: number }) => r.id)).toContain(id);
    } finally {
      await sb.stop();
    }
  });
});

describe('get, update, delete', () => {
  it('finds a recording by numeric id and by public_id (any case)', async () => {
    const byId = await api().get('/recordings/123');
    const byUuid = await api().get(`/recordings/${byId.body.data.public_id.toUpperCase()}`);
    expect(byUuid.body.data).toEqual(byId.body.data);
  });

  it('renames with display_name (returned as name) and moves between projects', async () => {
    const renamed = await api().patch('/recordings/124', { display_name: 'Q1 Support Call' });
    expect(renamed.body.data.name).toBe('Q1 Support Call');
    const moved = await api().patch('/recordings/124', { project_id: 43 });
    expect(moved.body.data).toMatchObject({ name: 'Q1 Support Call', project_id: 43 });
    expect((await api().get('/recordings/124', { key: KEYS.project42 })).status).toBe(404);
  });

  it('refuses a move to a missing project, and a move by a project-scoped key', async () => {
    const missing = await api().patch('/recordings/124', { project_id: 999 });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ errors: ['Project must exist'] });
    const scoped = await api().patch('/recordings/124', { project_id: 43 }, { key: KEYS.project42 });
    expect(scoped.status).toBe(403);
    expect((await api().get('/recordings/124')).body.data.project_id).toBe(42);
  });

  it('refuses a move onto a project where its external id is taken', async () => {
    await upload({ project_id: 43, external_id: 'crm-call-abc-123' }, { name: 'a.mp3' });
    const res = await api().patch('/recordings/123', { project_id: 43 });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ errors: ['External id has already been taken'] });
  });

  it('deletes (204); the recording is then 404 everywhere and its external id can be reused', async () => {
    const res = await api().delete('/recordings/123');
    expect(res.status).toBe(204);
    for (const path of ['/recordings/123', '/recordings/123/transcription', '/recordings/123/summary']) {
      expect((await api().get(path)).status).toBe(404);
    }
    const reused = await upload({ project_id: 42, external_id: 'crm-call-abc-123' }, { name: 'a.mp3' });
    expect(reused.status).toBe(201);
  });

  it('needs the delete permission to delete', async () => {
    const res = await api().delete('/recordings/123', { key: KEYS.noDelete });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Delete permission required' });
  });

  it.each(['/recordings/125', '/recordings/125/transcription', '/recordings/125/results', '/recordings/125/summary'])(
    'answers 404 to a project-scoped key for another project (%s)',
    async (path) => {
      const res = await api().get(path, { key: KEYS.project42 });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'Resource not found' });
    },
  );
});
