/**
 * Bad input of every kind gets a documented 4xx, never a 5xx, a crash, a hung connection or a half
 * applied change: malformed JSON, oversized bodies, wrong types, unknown enums, bad ids, wrong
 * methods (CONNECT included), bad keys, malformed multipart and raw protocol garbage.
 */
import { connect } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { responseMessage } from '@identitycall/openapi';
import { SANDBOX_MESSAGES, malformedJsonMessage } from '../src/errors/messages.js';
import { KEYS, operationFor, parseRawAnswer, rawExchange, spec, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

const MiB = 1024 * 1024;
const jane = () =>
  api()
    .get('/operators/42')
    .then((r) => r.body.data);
/** What every JSON operation below could change, as the lists show it. */
const everything = () =>
  Promise.all(
    ['/operators', '/projects', '/virtual_numbers', '/virtual_numbers/7', '/recordings'].map((p) =>
      api()
        .get(p)
        .then((r) => r.body),
    ),
  );

const JSON_OPERATIONS = [
  { method: 'POST', path: '/operators' },
  { method: 'PATCH', path: '/operators/42' },
  { method: 'POST', path: '/projects' },
  { method: 'PATCH', path: '/projects/42' },
  { method: 'PATCH', path: '/virtual_numbers/7' },
  { method: 'POST', path: '/virtual_numbers/purchase' },
  { method: 'POST', path: '/virtual_numbers/7/add_operator' },
  { method: 'PATCH', path: '/recordings/123' },
];

describe('malformed JSON', () => {
  it.each(JSON_OPERATIONS)('answers 400 saying the JSON is malformed ($method $path)', async ({ method, path }) => {
    const res = await api().call(method, path, { rawBody: '{"name": "Jane", ' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^Malformed JSON in request body/);
  });

  it.each(JSON_OPERATIONS)('answers 400 to a body that is not UTF-8 and stores nothing ($method $path)', async ({ method, path }) => {
    const before = await everything();
    const notUtf8 = new Uint8Array([...Buffer.from('{"name":"'), 0xff, 0xfe, ...Buffer.from('","display_name":"x"}')]);
    const res = await api().call(method, path, { rawBody: notUtf8 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: malformedJsonMessage(SANDBOX_MESSAGES.notUtf8) });
    expect(await everything()).toEqual(before);
  });
});

describe('body size', () => {
  const padded = (bytes: number) => {
    const head = '{"name":"';
    return `${head}${'a'.repeat(bytes - head.length - 2)}"}`;
  };

  it('accepts a JSON body of exactly 1 MiB', async () => {
    const res = await api().call('PATCH', '/operators/42', { rawBody: padded(MiB) });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toHaveLength(MiB - 11);
  });

  it('answers 413 to a JSON body over 1 MiB, changes nothing, and keeps serving', async () => {
    const before = await jane();
    const res = await api().call('PATCH', '/operators/42', { rawBody: padded(MiB + 1) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe(responseMessage(spec, 'PayloadTooLarge'));
    expect(await jane()).toEqual(before);
  });

  it('answers 413 to a 32 MiB body without reading it all (connection closed, no hang)', async () => {
    const res = await api().call('POST', '/operators', { rawBody: padded(32 * MiB) });
    expect(res.status).toBe(413);
    expect((await api().get('/operators')).status).toBe(200);
  });
});

describe('wrong types and unknown enum values', () => {
  it.each([
    { name: 'string for boolean', body: { active: 'no' }, message: 'Active must be a boolean' },
    { name: 'number for string', body: { name: 42 }, message: 'Name must be a string' },
    { name: 'object for phone', body: { phone_number: { n: 1 } }, message: 'Phone number must be a string' },
    { name: 'bad email', body: { email: 'not-an-email' }, message: 'Email is invalid' },
    { name: 'null for boolean', body: { active: null }, message: 'Active must be a boolean' },
  ])('answers 422 naming the field and changes nothing ($name)', async ({ body, message }) => {
    const before = await jane();
    const res = await api().patch('/operators/42', { ...body, name: typeof body.name === 'number' ? body.name : 'Changed' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContain(message);
    expect(await jane()).toEqual(before);
  });

  it.each([
    { name: 'array', raw: '[]' },
    { name: 'string', raw: '"hello"' },
    { name: 'number', raw: '42' },
    { name: 'null', raw: 'null' },
    { name: 'deeply nested array', raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  ])('answers 422 to a body that is not an object ($name)', async ({ raw }) => {
    const res = await api().call('PATCH', '/operators/42', { rawBody: raw });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ errors: ['Request body must be a JSON object'] });
  });

  it('ignores __proto__ in a body (no prototype pollution)', async () => {
    const before = await jane();
    const res = await api().call('PATCH', '/operators/42', { rawBody: '{"__proto__": {"active": false}, "constructor": {"x": 1}}' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(before);
    expect(({} as Record<string, unknown>).active).toBeUndefined();
  });
});

describe('query parameters given twice', () => {
  it.each([
    { method: 'GET', path: '/recordings?page=1&page=2', field: 'page' },
    { method: 'GET', path: '/recordings?per_page=20&status=completed&per_page=20', field: 'per_page' },
    { method: 'GET', path: '/recordings?status=completed&status=pending', field: 'status' },
    { method: 'GET', path: '/virtual_numbers/available?country=US&country=LT', field: 'country' },
    { method: 'GET', path: '/virtual_numbers/available?number_type=local&number_type=', field: 'number_type' },
    { method: 'DELETE', path: '/virtual_numbers/7/remove_operator?operator_id=13&operator_id=13', field: 'operator_id' },
  ])('answers 400 naming $field, and changes nothing ($method $path)', async ({ method, path, field }) => {
    const before = await everything();
    const res = await api().call(method, path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: `${field} must be given once, not 2 times` });
    expect(await everything()).toEqual(before);
  });

  it('still reads each parameter given once, and ignores repeated ones it does not document', async () => {
    const res = await api().get('/recordings?page=1&status=completed&tag=a&tag=b');
    expect(res.status).toBe(200);
    expect(res.body.meta.total_count).toBe(2);
  });
});

describe('ids', () => {
  it.each([
    '/operators/abc',
    '/operators/1.5',
    '/operators/-1',
    '/operators/0',
    '/operators/99999999999999999999',
    '/operators/42abc',
    '/projects/x',
    '/virtual_numbers/seven',
    '/virtual_numbers/x/add_operator',
    '/recordings/not-a-uuid',
    '/recordings/0',
    '/recordings/%E0%A4%A',
    '/recordings/01946983-4c40-7000-8000-ffffffffffff',
  ])('answers 404 for %s', async (path) => {
    const method = path.endsWith('add_operator') ? 'POST' : 'GET';
    const res = await api().call(method, path, method === 'POST' ? { json: { operator_id: 22 } } : {});
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Resource not found' });
  });

  it('answers 404 for a missing id before looking at the body', async () => {
    const res = await api().patch('/operators/999', { active: 'not a boolean' });
    expect(res.status).toBe(404);
  });
});

describe('methods and paths', () => {
  it.each([
    { method: 'PUT', path: '/operators/42', allow: ['GET', 'PATCH', 'DELETE'] },
    { method: 'POST', path: '/operators/42', allow: ['GET', 'PATCH', 'DELETE'] },
    { method: 'DELETE', path: '/operators', allow: ['GET', 'POST'] },
    { method: 'PATCH', path: '/virtual_numbers/available', allow: ['GET'] },
    { method: 'GET', path: '/virtual_numbers/7/add_operator', allow: ['POST'] },
  ])('answers 405 with Allow for $method $path', async ({ method, path, allow }) => {
    const res = await api().call(method, path);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')!.split(', ').sort()).toEqual([...allow].sort());
    expect(operationFor(method, path)).toBeUndefined();
  });

  it.each(['/nothing', '/operators/42/extra', '/'])('answers 404 for an unknown path %s', async (path) => {
    const res = await api().get(path);
    expect(res.status).toBe(404);
  });

  it('answers 404 outside the base path', async () => {
    const res = await fetch(`${sandbox().origin}/operators`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Resource not found' });
  });
});

describe('keys and permissions', () => {
  it.each([
    { name: 'no header', headers: {} },
    { name: 'basic scheme', headers: { authorization: `Basic ${KEYS.full}` } },
    { name: 'malformed key', headers: { authorization: 'Bearer idc_short' } },
    { name: 'unknown key', headers: { authorization: 'Bearer idc_00000000000000000000000000000000' } },
    { name: 'empty bearer', headers: { authorization: 'Bearer ' } },
  ])('answers 401 "Invalid API key" ($name)', async ({ headers }) => {
    const res = await api().call('GET', '/operators', { key: null, headers });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Invalid API key' });
  });

  it.each([
    { key: KEYS.readOnly, method: 'PATCH', path: '/operators/42', error: 'Write permission required' },
    { key: KEYS.writeOnly, method: 'GET', path: '/operators', error: 'Read permission required' },
    { key: KEYS.none, method: 'GET', path: '/recordings', error: 'Read permission required' },
    { key: KEYS.readOnly, method: 'DELETE', path: '/virtual_numbers/7/remove_operator?operator_id=13', error: 'Write permission required' },
    { key: KEYS.noDelete, method: 'DELETE', path: '/recordings/123', error: 'Delete permission required' },
    { key: KEYS.project42ReadOnly, method: 'PATCH', path: '/projects/43', error: 'Write permission required' },
  ])('answers 403 "$error" for $method $path', async ({ key, method, path, error }) => {
    const res = await api().call(method, path, { key, json: method === 'PATCH' ? { active: false } : undefined });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error });
  });
});

describe('multipart and protocol garbage', () => {
  it.each([
    { name: 'no closing boundary', body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\n\r\nabc' },
    { name: 'part without disposition', body: '--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--\r\n' },
    { name: 'garbage after boundary', body: '--bXYZ\r\n\r\n' },
  ])('answers 400 to a malformed multipart body ($name)', async ({ body }) => {
    const res = await api().call('POST', '/recordings', { rawBody: body, headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^Malformed multipart\/form-data body/);
  });

  it.each([
    { name: 'an empty body (no form at all)', body: '' },
    { name: 'only the closing boundary (an empty form)', body: '--b--\r\n' },
  ])('answers 400 "file is required" to $name', async ({ body }) => {
    const res = await api().call('POST', '/recordings', {
      rawBody: new TextEncoder().encode(body),
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: responseMessage(spec, 'FileRequired') });
  });

  it('answers a malformed request line with 400 and closes the connection', async () => {
    const { port } = new URL(sandbox().url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      // A hang detector, not a speed limit: the answer is immediate, the deadline generous.
      socket.setTimeout(60_000, () => reject(new Error('hung')));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
  });

  it.each(['example.com:443', '127.0.0.1:PORT'])('answers CONNECT %s with 405 in the envelope (no tunnel), then closes', async (target) => {
    const authority = target.replace('PORT', new URL(sandbox().origin).port);
    const reply = parseRawAnswer(await rawExchange(sandbox().origin, `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`));
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('');
    expect(reply.headers.connection).toBe('close');
    expect(reply.json).toEqual({ error: SANDBOX_MESSAGES.connectNotSupported });
    expect((await api().get('/operators/42')).status).toBe(200);
  });
});
