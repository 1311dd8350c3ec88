/** Virtual numbers: listing, scope, update, the available catalogue, purchase, attach and detach. */
import { beforeEach, describe, expect, it } from 'vitest';
import { KEYS, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

const ids = (rows: Array<{ id: number }>): number[] => rows.map((r) => r.id);

describe('list and get', () => {
  it('lists every number with at most three operator previews and the full count', async () => {
    const res = await api().get('/virtual_numbers');
    expect(ids(res.body.data)).toEqual([7, 8, 101, 117]);
    await api().post('/virtual_numbers/7/add_operator', { operator_id: 22 });
    const seven = (await api().get('/virtual_numbers')).body.data[0];
    expect(seven.operators).toHaveLength(3);
    expect(seven.operators_count).toBe(4);
  });

  it('scopes a project-scoped key to its project: list filtered, others 404 on every operation', async () => {
    expect(ids((await api().get('/virtual_numbers', { key: KEYS.project44 })).body.data)).toEqual([8, 117]);
    const key = KEYS.project44;
    const answers = await Promise.all([
      api().get('/virtual_numbers/7', { key }),
      api().patch('/virtual_numbers/7', { active: false }, { key }),
      api().post('/virtual_numbers/7/add_operator', { operator_id: 21 }, { key }),
      api().delete('/virtual_numbers/7/remove_operator?operator_id=13', { key }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toEqual({ error: 'Resource not found' });
    }
    const seven = (await api().get('/virtual_numbers/7')).body.data;
    expect(seven.active).toBe(true);
    expect(ids(seven.operators)).toEqual([13, 14, 15]);
  });

  it('lists unattached operators the key can see as available', async () => {
    const wide = (await api().get('/virtual_numbers/7')).body.data;
    expect(ids(wide.available_operators)).not.toContain(13);
    expect(ids(wide.available_operators)).toContain(18);
    const scoped = (await api().get('/virtual_numbers/7', { key: KEYS.project42 })).body.data;
    expect(ids(scoped.available_operators)).toEqual([22, 42]);
  });
});

describe('update', () => {
  it('changes only the fields sent', async () => {
    const before = (await api().get('/virtual_numbers/7')).body.data;
    const res = await api().patch('/virtual_numbers/7', { routing_strategy: 'round_robin' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ ...before, routing_strategy: 'round_robin' });
  });

  it('answers 422 naming the field for an unknown routing strategy, and changes nothing', async () => {
    const res = await api().patch('/virtual_numbers/7', { name: 'Renamed', routing_strategy: 'random' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ errors: ['Routing strategy is not one of: priority, round_robin, simultaneous'] });
    expect((await api().get('/virtual_numbers/7')).body.data.name).toBe('US Sales Line');
  });
});

describe('available numbers and purchase', () => {
  it('searches US mobile numbers by default; country is case-insensitive', async () => {
    const byDefault = (await api().get('/virtual_numbers/available')).body.data;
    expect(byDefault.length).toBeGreaterThan(0);
    expect(
      byDefault.every((a: { country_code: string; number_type: string }) => a.country_code === 'US' && a.number_type === 'mobile'),
    ).toBe(true);
    const lt = (await api().get('/virtual_numbers/available?country=lt&number_type=local')).body.data;
    expect(lt.map((a: { phone_number: string }) => a.phone_number)).toEqual(['+37052055500']);
  });

  it('answers 400 naming the parameter for an unknown number type', async () => {
    const res = await api().get('/virtual_numbers/available?number_type=satellite');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^number_type /);
  });

  it('buys a number from the catalogue (201, list-item shape); it leaves the catalogue', async () => {
    const res = await api().post('/virtual_numbers/purchase', { phone_number: '+15551234568', name: 'NY Line' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      phone_number: '+15551234568',
      name: 'NY Line',
      country_code: 'US',
      operators: [],
      operators_count: 0,
    });
    const detail = (await api().get(`/virtual_numbers/${res.body.data.id}`)).body.data;
    expect(detail).toMatchObject({ recording: true, routing_strategy: 'priority' });
    const local = (await api().get('/virtual_numbers/available?number_type=local')).body.data;
    expect(local.map((a: { phone_number: string }) => a.phone_number)).not.toContain('+15551234568');
    const again = await api().post('/virtual_numbers/purchase', { phone_number: '+15551234568' });
    expect(again.status).toBe(422);
  });

  it('replenishes the catalogue: a bought number is replaced by the next free one of its block', async () => {
    const before = (await api().get('/virtual_numbers/available?number_type=toll-free')).body.data;
    expect(before.map((a: { phone_number: string }) => a.phone_number)).toEqual(['+18005550100']);
    const bought: string[] = [];
    // Many more purchases than the seed offers, as repeated test runs make them.
    for (let i = 0; i < 25; i++) {
      const offer = (await api().get('/virtual_numbers/available?number_type=toll-free')).body.data[0];
      const res = await api().post('/virtual_numbers/purchase', { phone_number: offer.phone_number, number_type: 'toll-free' });
      expect(res.status).toBe(201);
      bought.push(res.body.data.phone_number);
    }
    expect(new Set(bought).size).toBe(25);
    expect(bought.slice(0, 3)).toEqual(['+18005550100', '+18005550101', '+18005550102']);
    const after = (await api().get('/virtual_numbers/available?number_type=toll-free')).body.data;
    const { phone_number, ...rest } = before[0];
    expect(after).toEqual([{ ...rest, phone_number: '+18005550125' }]);
    // A number the account owns is never offered again.
    const owned = new Set(
      (await api().get('/virtual_numbers?per_page=100')).body.data.map((n: { phone_number: string }) => n.phone_number),
    );
    expect(owned.has(after[0].phone_number)).toBe(false);
  });

  it('attaches a number bought with a project-scoped key to its project', async () => {
    const res = await api().post('/virtual_numbers/purchase', { phone_number: '+15557654321' }, { key: KEYS.project42 });
    expect(res.status).toBe(201);
    expect(ids((await api().get('/virtual_numbers', { key: KEYS.project42 })).body.data)).toContain(res.body.data.id);
    expect((await api().get('/projects/42')).body.data.virtual_numbers_count).toBe(2);
  });

  it.each([
    { name: 'missing', body: {}, error: 'phone_number is required' },
    { name: 'blank', body: { phone_number: ' ' }, error: 'phone_number is required' },
    { name: 'not for sale', body: { phone_number: '+15550000000' }, error: 'Phone number is not available for purchase' },
  ])('answers 422 when phone_number is $name', async ({ body, error }) => {
    const res = await api().post('/virtual_numbers/purchase', body);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error });
  });
});

describe('attach and detach operators', () => {
  it('attaches an existing operator at the next free priority; attaching it again changes nothing', async () => {
    const res = await api().post('/virtual_numbers/7/add_operator', { operator_id: 22 });
    expect(res.status).toBe(200);
    expect(res.body.data.operators.at(-1)).toMatchObject({ id: 22, priority: 3 });
    expect(ids(res.body.data.available_operators)).not.toContain(22);
    const again = await api().post('/virtual_numbers/7/add_operator', { operator_id: 22 });
    expect(again.body.data.operators).toEqual(res.body.data.operators);
  });

  it('creates and attaches a new operator from a phone number, named "Operator" by default', async () => {
    const res = await api().post('/virtual_numbers/7/add_operator', { phone_number: '(555) 555-0188' });
    const added = res.body.data.operators.at(-1);
    expect(added).toMatchObject({ name: 'Operator', initials: 'OP', phone_number: '+15555550188', priority: 3 });
    // The new operator joins the number's project.
    expect((await api().get(`/operators/${added.id}`, { key: KEYS.project42 })).status).toBe(200);
  });

  it('lets operator_id win when both shapes are sent', async () => {
    const res = await api().post('/virtual_numbers/7/add_operator', { operator_id: 22, phone_number: '+15555550177' });
    expect(res.body.data.operators.at(-1).id).toBe(22);
    expect((await api().get('/operators')).body.data).toHaveLength(8);
  });

  it('answers 404 when a project-scoped key names an operator outside its project', async () => {
    const res = await api().post('/virtual_numbers/7/add_operator', { operator_id: 18 }, { key: KEYS.project42 });
    expect(res.status).toBe(404);
  });

  it('answers 422 for a body with neither shape', async () => {
    const res = await api().post('/virtual_numbers/7/add_operator', { name: 'Nobody' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(expect.arrayContaining(["Operator id can't be blank", "Phone number can't be blank"]));
  });

  it('detaches by query or JSON body and closes up priorities; a detached operator is 404', async () => {
    const byQuery = await api().delete('/virtual_numbers/7/remove_operator?operator_id=13');
    expect(byQuery.status).toBe(200);
    expect(byQuery.body.data.operators.map((o: { id: number; priority: number }) => [o.id, o.priority])).toEqual([
      [14, 0],
      [15, 1],
    ]);
    const byBody = await api().call('DELETE', '/virtual_numbers/7/remove_operator', { json: { operator_id: 15 } });
    expect(ids(byBody.body.data.operators)).toEqual([14]);
    const again = await api().delete('/virtual_numbers/7/remove_operator?operator_id=13');
    expect(again.status).toBe(404);
    expect((await api().get('/operators/13')).status).toBe(200);
  });

  it('answers 400 when operator_id is missing', async () => {
    const res = await api().delete('/virtual_numbers/7/remove_operator');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'operator_id is required' });
  });
});
