/**
 * Every response outside the shapes the spec documents becomes a typed error that says what was
 * wrong — never a raw SyntaxError or TypeError, never `undefined` passed off as data. What is
 * documented comes from the generated SUCCESS_BODIES, checked here against the spec itself.
 */
import { getOperation, listOperations, loadSpec } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { json, recordingFetch, rejection, startServer, TEST_KEY, testClient } from '../../test/helpers.js';
import {
  APIResponseError,
  createIdentityCallClient,
  IdentityCallError,
  InternalServerError,
  NotFoundError,
  type IdentityCallClient,
} from '../index.js';
import { SUCCESS_BODIES } from '../generated/spec.gen.js';
import { expectedFields } from './response.js';

const spec = loadSpec();
const html = `<!doctype html><html><head><title>Sign in</title></head><body>${'x'.repeat(1158)}</body></html>`;
const response = (body: BodyInit | null, type: string | undefined, status = 200) =>
  new Response(body, { status, headers: type ? { 'content-type': type } : {} });
type Call = (c: IdentityCallClient) => Promise<unknown>;
const getOperator: Call = (c) => c.operators.get(42);

describe('a success outside the documented shape is an APIResponseError', () => {
  it.each<{ name: string; answer: Response; call?: Call; message: RegExp; contentType?: string }>([
    {
      name: 'an HTML page with 200',
      answer: response(html, 'text/html; charset=utf-8'),
      message:
        /^Unexpected response to GET \/operators\/42 \(200\): expected JSON with a `data` field, got text\/html; charset=utf-8 \(1,234 bytes\): <!doctype html><html><head><title>Sign in/,
      contentType: 'text/html; charset=utf-8',
    },
    {
      name: 'broken JSON',
      answer: response('{"data": {"id": 4', 'application/json'),
      message: /expected JSON with a `data` field, got application\/json \(17 bytes\) that does not parse: \{"data": \{"id": 4$/,
    },
    { name: 'an empty body', answer: response('', 'application/json'), message: /expected JSON with a `data` field, got an empty body$/ },
    { name: 'no body at all', answer: response(null, undefined), message: /got an empty body$/ },
    {
      name: 'a 204 where JSON is documented',
      answer: response(null, undefined, 204),
      message: /\(204\): expected JSON with a `data` field, got an empty body$/,
    },
    { name: 'JSON without `data`', answer: json({ id: 42 }), message: /got application\/json \(9 bytes\) without it: \{"id":42\}$/ },
    { name: 'a JSON array', answer: json([{ id: 42 }]), message: /without it: \[\{"id":42\}\]$/ },
    { name: 'JSON null', answer: json(null), message: /without it: null$/ },
    {
      name: 'the envelope labelled text/html',
      answer: response('{"data":{"id":42}}', 'text/html'),
      message: /got text\/html \(18 bytes\): \{"data":\{"id":42\}\}$/,
    },
    {
      name: 'a 201 without `data`',
      call: (c) => c.operators.create({ name: 'J', phone_number: '+15551234567' }),
      answer: json({ id: 1 }, 201),
      message: /^Unexpected response to POST \/operators \(201\): expected JSON with a `data` field/,
    },
    {
      name: 'a recordings page without `meta`',
      call: (c) => c.recordings.list(),
      answer: json({ data: [] }),
      message: /expected JSON with `data` and `meta` fields, got application\/json \(11 bytes\) without them/,
    },
    {
      name: 'deleteOperator without `success`',
      call: (c) => c.operators.delete(42),
      answer: json({ data: {} }),
      message: /^Unexpected response to DELETE \/operators\/42 \(200\): expected JSON with a `success` field/,
    },
    {
      name: 'deleteOperator with 204',
      call: (c) => c.operators.delete(42),
      answer: response(null, undefined, 204),
      message: /expected JSON with a `success` field, got an empty body$/,
    },
    { name: 'an undocumented 2xx without `data`', answer: json({ ok: true }, 202), message: /\(202\): expected JSON with a `data` field/ },
  ])('$name', async ({ answer, call = getOperator, message, contentType }) => {
    const { fetch, sent } = recordingFetch(answer);
    const error = await rejection(call(testClient(fetch)));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toBeInstanceOf(IdentityCallError);
    expect(error.message).toMatch(message);
    const typed = error as APIResponseError;
    expect(typed.status).toBe(answer.status);
    if (contentType) expect(typed.contentType).toBe(contentType);
    expect(typed.body.length).toBeLessThanOrEqual(500);
    expect(typed.messages).toEqual([error.message.slice(error.message.indexOf(': expected') + 2)]);
    expect(sent).toHaveLength(1); // a malformed success is not retried
  });

  it('keeps the start of a long body, at most 500 characters', async () => {
    const { fetch } = recordingFetch(response(html, 'text/html'));
    const error = (await rejection(getOperator(testClient(fetch)))) as APIResponseError;
    expect(error.body).toBe(`${html.slice(0, 499)}…`);
    expect(error.toJSON()).toMatchObject({ name: 'APIResponseError', status: 200, body: error.body });
  });

  it.each<{ name: string; call: Call; answer: Response; result: unknown }>([
    { name: 'the envelope', call: getOperator, answer: json({ data: { id: 42 } }), result: { id: 42 } },
    {
      name: 'the envelope with a charset',
      call: getOperator,
      answer: response('{"data":{"id":42}}', 'application/json; charset=utf-8'),
      result: { id: 42 },
    },
    {
      name: 'the envelope without a Content-Type',
      call: getOperator,
      answer: response(new TextEncoder().encode('{"data":{"id":42}}'), undefined),
      result: { id: 42 },
    },
    {
      name: 'a problem+json type',
      call: getOperator,
      answer: response('{"data":{"id":42}}', 'application/vnd.api+json'),
      result: { id: 42 },
    },
    {
      name: 'deleteOperator `{"success": true}`',
      call: (c) => c.operators.delete(42),
      answer: json({ success: true }),
      result: { success: true },
    },
    {
      name: 'the documented 204 of deleteProject',
      call: (c) => c.projects.delete(1),
      answer: response(null, undefined, 204),
      result: undefined,
    },
    {
      name: 'deleteProject answered 200 with a body',
      call: (c) => c.projects.delete(1),
      answer: json({ success: true }),
      result: undefined,
    },
  ])('accepts $name', async ({ call, answer, result }) => {
    const { fetch } = recordingFetch(answer);
    expect(await call(testClient(fetch))).toEqual(result);
  });
});

describe('an error status keeps its class whatever its body', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  it.each([
    { name: 'an HTML 404', answer: response(html, 'text/html', 404), cls: NotFoundError, body: `${html.slice(0, 499)}…` },
    {
      name: 'broken JSON with 500',
      answer: response('{"error": "bo', 'application/json', 500),
      cls: InternalServerError,
      body: '{"error": "bo',
    },
    {
      name: 'JSON without an envelope',
      answer: json({ message: 'gone' }, 404),
      cls: NotFoundError,
      body: { message: 'gone' },
      messages: [],
    },
    { name: 'JSON nested 100,000 deep', answer: response(deep, 'application/json', 404), cls: NotFoundError },
    { name: 'an `error` that is not a string', answer: json({ error: { code: 7 } }, 404), cls: NotFoundError, messages: [] },
    { name: 'no body', answer: response(null, undefined, 404), cls: NotFoundError, messages: [] },
  ])('$name → $cls.name', async ({ answer, cls, body, messages }) => {
    const { fetch } = recordingFetch(answer);
    const error = await rejection(testClient(fetch, { maxRetries: 0 }).operators.get(42));
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ status: answer.status, method: 'GET', path: '/operators/42' });
    if (body !== undefined) expect((error as NotFoundError).body).toEqual(body);
    if (messages) expect((error as NotFoundError).messages).toEqual(messages);
    expect(JSON.stringify(error).length).toBeLessThan(20_000);
  });
});

describe('client.raw', () => {
  it('throws APIResponseError, not SyntaxError, for a success that is not JSON', async () => {
    const { fetch } = recordingFetch(response(html, 'text/html'));
    const error = await rejection(testClient(fetch).raw.GET('/operators'));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error.message).toMatch(/^Unexpected response to GET \/operators \(200\): expected JSON with a `data` field, got text\/html/);
  });

  it.each([
    { parseAs: 'text' as const, read: (data: unknown) => data },
    { parseAs: 'blob' as const, read: (data: unknown) => (data as Blob).text() },
    { parseAs: 'arrayBuffer' as const, read: (data: unknown) => new TextDecoder().decode(data as ArrayBuffer) },
    { parseAs: 'stream' as const, read: (data: unknown) => new Response(data as ReadableStream).text() },
  ])('still hands over the body as it came with parseAs: $parseAs', async ({ parseAs, read }) => {
    const { fetch } = recordingFetch(response(html, 'text/html'));
    const { data, response: res } = await testClient(fetch).raw.GET('/operators', { parseAs });
    expect(await read(data)).toBe(html);
    expect(res.status).toBe(200);
  });

  it('reads a chunked body without Content-Length from a real server', async () => {
    const server = await startServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html>');
      res.end('<p>maintenance</p>');
    });
    try {
      const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: server.url, maxRetries: 0 });
      const error = await rejection(client.operators.list());
      expect(error).toBeInstanceOf(APIResponseError);
      expect(error.message).toMatch(/got text\/html \(33 bytes\): <!doctype html><p>maintenance<\/p>$/);
      const { data, response: res } = await client.raw.GET('/operators', { parseAs: 'text' });
      expect(data).toBe('<!doctype html><p>maintenance</p>');
      expect(res.url).toBe(`${server.url}/operators`);
    } finally {
      await server.close();
    }
  });
});

describe('SUCCESS_BODIES (generated from the spec)', () => {
  it('has every operation of the spec', () => {
    expect(Object.keys(SUCCESS_BODIES).sort()).toEqual(
      listOperations(spec)
        .map((op) => `${op.method.toUpperCase()} ${op.path}`)
        .sort(),
    );
  });

  it.each([
    { operationId: 'deleteOperator', status: '200', fields: ['success'] },
    { operationId: 'deleteProject', status: '204', fields: null },
    { operationId: 'listRecordings', status: '200', fields: ['data', 'meta'] },
    { operationId: 'getOperator', status: '200', fields: ['data'] },
  ])('$operationId $status → $fields, as the spec documents', ({ operationId, status, fields }) => {
    const op = getOperation(spec, operationId);
    const documented = op.responses.find((r) => r.status === status)!;
    expect(documented.content.length > 0).toBe(fields !== null);
    expect(SUCCESS_BODIES[`${op.method.toUpperCase()} ${op.path}`]![status]).toEqual(fields);
  });

  it('matches a literal path before a template', () => {
    expect(expectedFields({ method: 'GET', path: '/virtual_numbers/available' }, 200)).toEqual(['data']);
    expect(expectedFields({ method: 'DELETE', path: '/operators/42' }, 200)).toEqual(['success']);
    expect(expectedFields({ method: 'DELETE', path: '/projects/42' }, 204)).toBeNull();
    expect(expectedFields({ method: 'GET', path: '/not/in/the/spec' }, 200)).toBeUndefined();
  });
});
