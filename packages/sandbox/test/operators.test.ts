/** Operators: listing, partial update, null email, phone normalisation, initials, scope and cascade. */
import { beforeEach, describe, expect, it } from 'vitest';
import { KEYS, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

describe('list operators', () => {
  it('lists every operator sorted by name, with initials derived from non-ASCII names', async () => {
    const res = await api().get('/operators');
    expect(res.status).toBe(200);
    const names = res.body.data.map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en')));
    const aldona = res.body.data.find((o: { id: number }) => o.id === 12);
    expect(aldona).toMatchObject({ name: 'Aldona Petrauskaitė', initials: 'AP', virtual_numbers_count: 2 });
  });

  it('shows a project-scoped key only the operators linked to its project', async () => {
    const res = await api().get('/operators', { key: KEYS.project44 });
    expect(res.body.data.map((o: { id: number }) => o.id).sort()).toEqual([12, 21]);
  });
});

describe('update operator', () => {
  it('changes only the fields sent', async () => {
    const before = (await api().get('/operators/42')).body.data;
    const res = await api().patch('/operators/42', { active: false });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ ...before, active: false });
    expect((await api().get('/operators/42')).body.data).toEqual({ ...before, active: false });
  });

  it('clears the email with null, and keeps it when email is not sent', async () => {
    await api().patch('/operators/42', { name: 'Jane Q. Doe' });
    expect((await api().get('/operators/42')).body.data.email).toBe('jane.doe@example.com');
    const res = await api().patch('/operators/42', { email: null });
    expect(res.body.data.email).toBeNull();
    expect((await api().get('/operators/42')).body.data.email).toBeNull();
  });

  it.each([
    { name: 'US local format', sent: '(415) 555-0100', stored: '+14155550100' },
    { name: 'spaced international', sent: '+370 600 12 345', stored: '+37060012345' },
    { name: 'E.164 unchanged', sent: '+15555550123', stored: '+15555550123' },
  ])('normalises a phone number to E.164 ($name)', async ({ sent, stored }) => {
    const res = await api().patch('/operators/42', { phone_number: sent });
    expect(res.status).toBe(200);
    expect(res.body.data.phone_number).toBe(stored);
  });

  it.each([
    { name: 'letters', phone: 'call me maybe' },
    { name: 'too short', phone: '12' },
    { name: 'unknown country code', phone: '+999 123 456' },
  ])('answers 422 "Phone number is invalid" and changes nothing ($name)', async ({ phone }) => {
    const before = (await api().get('/operators/42')).body.data;
    const res = await api().patch('/operators/42', { phone_number: phone, name: 'Changed' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ errors: ['Phone number is invalid'] });
    expect((await api().get('/operators/42')).body.data).toEqual(before);
  });

  it('answers 422 "Name can\'t be blank" for an empty or blank name', async () => {
    for (const name of ['', '   ']) {
      const res = await api().patch('/operators/42', { name });
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ errors: ["Name can't be blank"] });
    }
  });

  it('re-derives initials from a new name', async () => {
    const res = await api().patch('/operators/42', { name: 'Žydrūnas Ąžuolas' });
    expect(res.body.data.initials).toBe('ŽĄ');
  });
});

describe('create operator', () => {
  it('creates an active operator with a normalised phone and no numbers (201)', async () => {
    const res = await api().post('/operators', { name: 'Greta Hall', phone_number: '555 555 0199' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Greta Hall',
      phone_number: '+15555550199',
      email: null,
      active: true,
      initials: 'GH',
      virtual_numbers: [],
    });
    expect((await api().get(`/operators/${res.body.data.id}`)).status).toBe(200);
  });

  it('lists every failed validation at once', async () => {
    const res = await api().post('/operators', { name: ' ', phone_number: 'nope', active: 'yes' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(expect.arrayContaining(["Name can't be blank", 'Active must be a boolean']));
  });

  it('requires name and phone_number', async () => {
    const res = await api().post('/operators', {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(expect.arrayContaining(["Name can't be blank", "Phone number can't be blank"]));
  });

  it('links an operator created with a project-scoped key to its project, and leaves an account-wide one unlinked', async () => {
    const scoped = await api().post('/operators', { name: 'Scoped One', phone_number: '+15555550150' }, { key: KEYS.project42 });
    expect((await api().get(`/operators/${scoped.body.data.id}`, { key: KEYS.project42 })).status).toBe(200);
    const wide = await api().post('/operators', { name: 'Wide One', phone_number: '+15555550151' });
    expect((await api().get(`/operators/${wide.body.data.id}`, { key: KEYS.project42 })).status).toBe(404);
    expect((await api().get(`/operators/${wide.body.data.id}`)).status).toBe(200);
  });
});

describe('operator scope', () => {
  it.each([
    { name: 'get', method: 'GET' as const },
    { name: 'update', method: 'PATCH' as const },
    { name: 'delete', method: 'DELETE' as const },
  ])('answers 404, never 403, when a project-scoped key reaches an unlinked operator ($name)', async ({ method }) => {
    // Marcus Chen (18) is linked to project 43 only.
    const res = await api().call(method, '/operators/18', { key: KEYS.project42, json: method === 'PATCH' ? { active: true } : undefined });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Resource not found' });
    expect((await api().get('/operators/18')).body.data.active).toBe(false);
  });

  it('shows a project-scoped key only the numbers of its project on an operator', async () => {
    // Jane Doe (42) routes on 101 (project 43) and 117 (project 44); project 42's key sees neither.
    const scoped = await api().get('/operators/42', { key: KEYS.project42 });
    expect(scoped.body.data.virtual_numbers).toEqual([]);
    const wide = await api().get('/operators/42');
    expect(wide.body.data.virtual_numbers.map((n: { id: number }) => n.id)).toEqual([101, 117]);
  });
});

describe('delete operator', () => {
  it('answers {"success": true}, takes the operator off every routing list and closes up priorities', async () => {
    const res = await api().delete('/operators/42');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect((await api().get('/operators/42')).status).toBe(404);
    for (const id of [101, 117]) {
      const n = (await api().get(`/virtual_numbers/${id}`)).body.data;
      expect(n.operators.map((o: { id: number }) => o.id)).toEqual([12]);
      expect(n.operators[0].priority).toBe(0);
    }
    const aldona = (await api().get('/operators')).body.data.find((o: { id: number }) => o.id === 12);
    expect(aldona.virtual_numbers_count).toBe(2);
  });

  it('needs write, not delete', async () => {
    expect((await api().delete('/operators/18', { key: KEYS.noDelete })).status).toBe(200);
    const res = await api().delete('/operators/13', { key: KEYS.readOnly });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Write permission required' });
  });
});
