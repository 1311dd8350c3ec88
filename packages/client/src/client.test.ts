/** The client sends what the spec describes and returns the unwrapped data. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE, json, recordingFetch, TEST_KEY } from '../test/helpers.js';
import { createIdentityCallClient, DEFAULT_BASE_URL, NotFoundError, ValidationError } from './index.js';

const jane = {
  id: 42,
  name: 'Jane Doe',
  phone_number: '+15551234567',
  email: 'jane.doe+work@example.com',
  active: false,
  initials: 'JD',
  virtual_numbers: [{ id: 101, phone_number: '+15558675309', name: 'Sales line', active: true }],
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createIdentityCallClient', () => {
  it('defaults to the spec server and sends the key as a bearer token', async () => {
    const { fetch, sent } = recordingFetch(json({ data: [] }));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, fetch });
    expect(client.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe('https://api.identitycall.ai/api/v1/public');
    await client.operators.list();
    expect(sent[0]!.url).toBe(`${DEFAULT_BASE_URL}/operators`);
    expect(sent[0]!.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
  });

  it('reads IDENTITYCALL_API_KEY when no key is passed', async () => {
    vi.stubEnv('IDENTITYCALL_API_KEY', 'idc_fromtheenvironment0000000000000');
    const { fetch, sent } = recordingFetch(json({ data: [] }));
    await createIdentityCallClient({ baseUrl: BASE, fetch }).operators.list();
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer idc_fromtheenvironment0000000000000');
  });

  it.each([
    { name: 'no key anywhere', options: {}, message: /IDENTITYCALL_API_KEY/ },
    { name: 'a key with whitespace', options: { apiKey: 'idc_ x' }, message: /whitespace/ },
    { name: 'a relative base URL', options: { apiKey: TEST_KEY, baseUrl: '/api' }, message: /absolute http\(s\) URL/ },
    { name: 'an Authorization header', options: { apiKey: TEST_KEY, headers: { authorization: 'x' } }, message: /apiKey/ },
  ])('refuses $name at construction', ({ options, message }) => {
    vi.stubEnv('IDENTITYCALL_API_KEY', '');
    expect(() => createIdentityCallClient(options)).toThrow(message);
  });
});

describe('client.operators', () => {
  it('update sends a partial JSON body to PATCH /operators/{id} and returns the data', async () => {
    const { fetch, sent } = recordingFetch(json({ data: jane }));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const updated = await client.operators.update(42, { email: 'jane.doe+work@example.com', active: false });
    expect(updated).toEqual(jane);
    expect(sent[0]).toMatchObject({ method: 'PATCH', url: `${BASE}/operators/42` });
    expect(JSON.parse(sent[0]!.body!)).toEqual({ email: 'jane.doe+work@example.com', active: false });
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('update can clear the email with null', async () => {
    const { fetch, sent } = recordingFetch(json({ data: { ...jane, email: null } }));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    expect((await client.operators.update(42, { email: null })).email).toBeNull();
    expect(JSON.parse(sent[0]!.body!)).toEqual({ email: null });
  });

  it.each([
    { name: 'list', call: (c: Client) => c.operators.list(), method: 'GET', path: '/operators', answer: json({ data: [] }), result: [] },
    {
      name: 'get',
      call: (c: Client) => c.operators.get(42),
      method: 'GET',
      path: '/operators/42',
      answer: json({ data: jane }),
      result: jane,
    },
    {
      name: 'create',
      call: (c: Client) => c.operators.create({ name: 'Jane Doe', phone_number: '+15551234567' }),
      method: 'POST',
      path: '/operators',
      answer: json({ data: jane }, 201),
      result: jane,
    },
    {
      name: 'delete',
      call: (c: Client) => c.operators.delete(42),
      method: 'DELETE',
      path: '/operators/42',
      answer: json({ success: true }),
      result: { success: true },
    },
  ])('$name sends $method $path', async ({ call, method, path, answer, result }) => {
    const { fetch, sent } = recordingFetch(answer);
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    expect(await call(client)).toEqual(result);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method, url: `${BASE}${path}` });
  });

  it('throws NotFoundError with the request and the documented message', async () => {
    const { fetch } = recordingFetch(json({ error: 'Resource not found' }, 404));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = await client.operators.get(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, method: 'GET', path: '/operators/9', messages: ['Resource not found'] });
    expect(String(error)).toBe('NotFoundError: 404 Resource not found (GET /operators/9)');
  });

  it('throws ValidationError listing every validation message', async () => {
    const { fetch } = recordingFetch(json({ errors: ["Name can't be blank", 'Phone number is invalid'] }, 422));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = (await client.operators.update(42, { name: '' }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors).toEqual(["Name can't be blank", 'Phone number is invalid']);
  });
});

type Client = ReturnType<typeof createIdentityCallClient>;
