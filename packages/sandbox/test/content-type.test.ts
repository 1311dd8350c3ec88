/**
 * `Content-Type` of JSON bodies: a header outside the media-type grammar is 400, a body without a
 * type, in another type or in a charset other than UTF-8 is 415, each saying what is wrong, and
 * nothing is changed; a request without a body needs no type. The parser is tested on its own.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
 */
import { Agent, request as httpRequest } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_MESSAGES } from '../src/errors/messages.js';
import { MediaTypeError, parseMediaType } from '../src/http/content-type.js';
import { KEYS, rawRequest, useSandbox } from './helpers.js';

const { api, sandbox } = useSandbox();
beforeEach(() => sandbox().reset());

/** Every JSON operation with a body that would change something if it were read. */
const JSON_OPERATIONS = [
  { method: 'POST', path: '/operators', body: { name: 'Zed', phone_number: '+15555550100' } },
  { method: 'PATCH', path: '/operators/42', body: { name: 'Changed' } },
  { method: 'POST', path: '/projects', body: { name: 'New', language: 'en' } },
  { method: 'PATCH', path: '/projects/42', body: { name: 'Changed' } },
  { method: 'PATCH', path: '/virtual_numbers/7', body: { name: 'Changed' } },
  { method: 'POST', path: '/virtual_numbers/purchase', body: { phone_number: '+15551234570' } },
  { method: 'POST', path: '/virtual_numbers/7/add_operator', body: { operator_id: 42 } },
  { method: 'PATCH', path: '/recordings/123', body: { display_name: 'Changed' } },
];

/** What the operations above could change, as the lists and the number show it. */
const everything = () =>
  Promise.all(
    ['/operators', '/projects', '/virtual_numbers', '/virtual_numbers/7', '/recordings'].map((p) =>
      api()
        .get(p)
        .then((r) => r.body),
    ),
  );

/** Sends `body` to `path` with exactly these headers (plus Host, the key and the length). */
function send(method: string, path: string, body: string, headers: Record<string, string>) {
  const { origin, basePath } = sandbox();
  return rawRequest(origin, `${basePath}${path}`, {
    method,
    body,
    headers: {
      host: new URL(origin).host,
      authorization: `Bearer ${KEYS.full}`,
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    },
  });
}

describe('parseMediaType', () => {
  it.each([
    { header: 'application/json', essence: 'application/json', params: {} },
    { header: 'Application/JSON; Charset=UTF-8', essence: 'application/json', params: { charset: 'UTF-8' } },
    { header: ' application/json ;charset="utf-8";  ', essence: 'application/json', params: { charset: 'utf-8' } },
    { header: 'multipart/form-data; boundary="a b:c\\"d"', essence: 'multipart/form-data', params: { boundary: 'a b:c"d' } },
    { header: 'application/json;;x=1', essence: 'application/json', params: { x: '1' } },
  ])('reads "$header"', ({ header, essence, params }) => {
    const media = parseMediaType(header);
    expect(media.essence).toBe(essence);
    expect(Object.fromEntries(media.params)).toEqual(params);
  });

  it.each([
    { header: '', why: 'it does not start with a type (got the end)' },
    { header: '/json', why: 'it does not start with a type (got "/")' },
    { header: 'application', why: '"application" is not followed by "/subtype" (got the end)' },
    { header: 'application /json', why: '"application" is not followed by "/subtype" (got " ")' },
    { header: 'application/', why: '"application/" has no subtype' },
    { header: 'application/json, text/plain', why: 'unexpected "," after "application/json" (one media type only, parameters after ";")' },
    { header: 'application/json text', why: 'unexpected "t" after "application/json" (one media type only, parameters after ";")' },
    { header: 'application/json; charset', why: 'parameter "charset" has no "=value"' },
    { header: 'application/json; charset=', why: 'parameter "charset" has an empty value' },
    { header: 'application/json; charset="utf-8', why: 'parameter "charset" has an unterminated quoted string' },
    { header: 'application/json; =utf-8', why: 'a parameter name is expected after ";" (got "=")' },
    { header: 'multipart/form-data; boundary=a; Boundary=b', why: 'parameter "Boundary" is given twice' },
  ])('refuses "$header": $why', ({ header, why }) => {
    expect(() => parseMediaType(header)).toThrow(new MediaTypeError(why));
  });
});

describe('the Content-Type of a JSON body', () => {
  const refusals = [
    {
      name: 'none',
      headers: {},
      status: 415,
      error: `${SANDBOX_MESSAGES.unsupportedContentType}: the request has a body but no Content-Type; send it as application/json`,
    },
    {
      name: 'text/plain',
      headers: { 'content-type': 'text/plain' },
      status: 415,
      error: `${SANDBOX_MESSAGES.unsupportedContentType}: text/plain is not accepted here; the body must be application/json`,
    },
    {
      name: 'a form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      error: `${SANDBOX_MESSAGES.unsupportedContentType}: application/x-www-form-urlencoded is not accepted here; the body must be application/json`,
    },
    {
      name: 'ISO-8859-1',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      status: 415,
      error: `${SANDBOX_MESSAGES.unsupportedContentType}: charset iso-8859-1 is not accepted; JSON bodies are UTF-8`,
    },
    {
      name: 'two types',
      headers: { 'content-type': 'application/json, multipart/form-data' },
      status: 400,
      error: `${SANDBOX_MESSAGES.malformedContentType}: unexpected "," after "application/json" (one media type only, parameters after ";")`,
    },
    {
      name: 'no subtype',
      headers: { 'content-type': 'application/' },
      status: 400,
      error: `${SANDBOX_MESSAGES.malformedContentType}: "application/" has no subtype`,
    },
  ];

  it.each(JSON_OPERATIONS.flatMap((op) => refusals.map((r) => ({ ...op, ...r }))))(
    'answers $status for $name on $method $path and changes nothing',
    async ({ method, path, body, headers, status, error }) => {
      const before = await everything();
      const res = await send(method, path, JSON.stringify(body), headers);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.text)).toEqual({ error });
      expect(await everything()).toEqual(before);
    },
  );

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/json; charset=utf8'])(
    'reads a body sent as %s',
    async (type) => {
      const res = await send('PATCH', '/operators/42', '{"name":"Changed"}', { 'content-type': type });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).data.name).toBe('Changed');
    },
  );

  it('needs no Content-Type when there is no body', async () => {
    const res = await send('PATCH', '/operators/42', '', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.name).toBe('Jane Doe');
  });

  it('still reads operator_id from a JSON body of Detach Operator, and ignores other bodies there', async () => {
    const detach = (body: string, type: string) => send('DELETE', '/virtual_numbers/7/remove_operator', body, { 'content-type': type });
    const ignored = await detach('operator_id=13', 'application/x-www-form-urlencoded');
    expect(ignored.status).toBe(400);
    const json = await detach('{"operator_id": 13}', 'application/json');
    expect(json.status).toBe(200);
  });

  it('reads a refused body to its end, so the next request on the connection is answered', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { origin, basePath } = sandbox();
    const request = (method: string, body: string, type?: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const headers: Record<string, string> = { authorization: `Bearer ${KEYS.full}`, ...(type && { 'content-type': type }) };
        const req = httpRequest(`${origin}${basePath}/operators/42`, { method, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await request('PATCH', 'x'.repeat(256 * 1024), 'text/plain')).toEqual({ status: 415, reused: false });
      expect(await request('GET', '')).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});
