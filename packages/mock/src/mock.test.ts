/**
 * The mock with a real Prism: the seed's request, auth, validation, the base path, limits read
 * from the spec, uploads of any documented size, and the requests that used to crash Prism.
 */
import { generated, http, text, type HttpSend } from '@identitycall/hostile-inputs';
import { errorMessages, getOperation, loadSpec, messageTemplate, responseMessage, uploadFormats } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { AUTH, send, useMock } from '../test/helpers.js';
import { startMock } from './index.js';

const doc = loadSpec();
const json = { 'Content-Type': 'application/json' };
const base = new URL(doc.servers![0]!.url).pathname;
const upload = getOperation(doc, 'uploadRecording');
const getOperator = getOperation(doc, 'getOperator');
const updateOperator = getOperation(doc, 'updateOperator');
const operator42 = getOperator.path.replace('{id}', '42');
const seedResponse = {
  data: {
    id: 42,
    name: 'Jane Doe',
    phone_number: '+15551234567',
    email: 'jane.doe+work@example.com',
    active: false,
    initials: 'JD',
    virtual_numbers: [{ id: 101, phone_number: '+15558675309', name: 'Sales line', active: true }],
  },
};

const mock = useMock();

/** Prism's answer to a valid upload: the first example of the lowest documented 2xx (DECISIONS B13). */
const uploadAnswer = upload.responses.find((r) => r.status === '200')!.content[0]!.examples[0]!.value;

/** A valid upload of `bytes` bytes of the first documented format, generated while it is sent. */
function uploadOf(bytes: number, format = uploadFormats(doc)[0]!, contentType: string | undefined = format.mediaTypes[0]): HttpSend {
  const boundary = 'mockTestBoundary7MA4';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="project_id"\r\n\r\n42\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="call${format.extension}"\r\n${contentType ? `Content-Type: ${contentType}\r\n` : ''}\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const total = Buffer.byteLength(head) + bytes + Buffer.byteLength(tail);
  return http('POST', upload.path, {
    headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
    body: generated(head, 'a', tail, total),
  });
}

describe('startMock', () => {
  it('serves under the base path of the spec, and at the root too', async () => {
    expect(mock().origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock().basePath).toBe(base);
    expect(mock().url).toBe(`${mock().origin}${base}`);
    for (const url of [`${mock().url}${operator42}`, `${mock().origin}${operator42}`]) {
      const res = await fetch(url, { headers: AUTH });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { id: number } }).data.id).toBe(42);
    }
  });

  it.each([`/v1${getOperator.path.replace('{id}', '42')}`, `/api/v2/public${operator42}`])(
    'answers %s (a wrong base path) with 404 naming the base path',
    async (path) => {
      const res = await fetch(`${mock().origin}${path}`, { headers: AUTH });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: `${path} is not under the API's base path ${base}: did you mean ${base}${operator42}?` });
    },
  );

  it("answers the seed's PATCH /operators/42 with exactly the seed's body", async () => {
    const res = await fetch(`${mock().url}${operator42}`, {
      method: 'PATCH',
      headers: { ...AUTH, ...json },
      body: JSON.stringify({ email: 'jane.doe+work@example.com', active: false }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(seedResponse);
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'no Authorization header', headers: {} },
    { name: 'a Basic one', headers: { Authorization: 'Basic aGk6dGhlcmU=' } },
    { name: 'an empty bearer token', headers: { Authorization: 'Bearer ' } },
  ])('answers 401 with the documented message for $name', async ({ headers }) => {
    const res = await fetch(`${mock().url}${operator42}`, { method: 'PATCH', headers: { ...json, ...headers }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: errorMessages(updateOperator, 401)[0] });
  });

  it('answers 422 in the errors envelope for {"active": "no"}', async () => {
    const res = await fetch(`${mock().url}${operator42}`, {
      method: 'PATCH',
      headers: { ...AUTH, ...json },
      body: JSON.stringify({ active: 'no' }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors.every((m) => errorMessages(updateOperator, 422).includes(m))).toBe(true);
  });

  it('answers malformed JSON with 400 and the documented template, instead of hanging', async () => {
    const res = await fetch(`${mock().url}${operator42}`, {
      method: 'PATCH',
      headers: { ...AUTH, ...json },
      body: '{"active":',
      signal: AbortSignal.timeout(30_000),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toBe(messageTemplate(doc, 'MalformedJson').format({ detail: 'Unexpected end of JSON input' }));
  });

  it('serves other documented statuses on request with Prefer: code, and refuses undocumented ones', async () => {
    const res = await fetch(`${mock().url}${operator42}`, { headers: { ...AUTH, Prefer: 'code=404' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: errorMessages(getOperator, 404)[0] });
    const undocumented = await fetch(`${mock().url}${operator42}`, { headers: { ...AUTH, Prefer: 'code=418' } });
    expect(undocumented.status).toBe(400);
    expect(((await undocumented.json()) as { error: string }).error).toMatch(/^Prefer: code=418 is not a documented status of getOperator/);
  });
});

describe('JSON body limits from the spec', () => {
  const limit = (() => {
    const media = updateOperator.requestBody!.content.find((m) => m.contentType === 'application/json')!;
    return media.maxBytes!;
  })();
  const padded = (size: number) => generated('{"name":"', 'a', '"}', size);
  const patch = (size: number) => http('PATCH', operator42, { headers: [['Content-Type', 'application/json']], body: padded(size) });

  it('accepts a body of exactly the limit', async () => {
    const res = await send(mock(), patch(limit));
    expect(res.status).toBe(200);
  });

  it('answers a body of the limit + 1 with 413 and exactly the documented message', async () => {
    const res = await send(mock(), patch(limit + 1));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: responseMessage(doc, 'PayloadTooLarge') });
  });
});

describe('uploads', () => {
  it('accepts a valid 20 MiB upload (Prism alone refuses bodies over 10 MB)', async () => {
    const res = await send(mock(), uploadOf(20 * 1024 * 1024), 120_000);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(uploadAnswer);
  });

  it("answers a file over its format's limit with the documented 422, without reading all of it", async () => {
    const format = uploadFormats(doc).reduce((a, b) => (b.maxBytes < a.maxBytes ? b : a));
    const res = await send(mock(), uploadOf(format.maxBytes + 1, format), 300_000);
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ error: errorMessages(upload, 422, (name) => name === 'fileTooLarge')[0] });
    expect(res.closed).toBe(true);
  });

  it('answers an unsupported file type with the documented 422', async () => {
    const res = await send(mock(), uploadOf(10, { format: 'text', extension: '.txt', maxBytes: 10, mediaTypes: ['text/plain'] }));
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ error: errorMessages(upload, 422, (name) => name === 'invalidFileType')[0] });
  });

  it('answers an upload without a file with the documented 400', async () => {
    const boundary = 'x0x0x0';
    const body = text(`--${boundary}\r\nContent-Disposition: form-data; name="project_id"\r\n\r\n42\r\n--${boundary}--\r\n`);
    const res = await send(
      mock(),
      http('POST', upload.path, { headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body }),
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: errorMessages(upload, 400)[0] });
  });
});

describe('requests that used to crash Prism or answer 5xx', () => {
  const boundary = 'reproBoundary';
  const noTypeFile = text(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\n\r\nabc\r\n--${boundary}--\r\n`,
  );
  it.each([
    {
      name: 'a bad percent-escape in the path',
      send: http('GET', `${upload.path}/%ff`),
      status: 400,
      body: { error: 'Malformed request path: "%ff" is not a valid percent-encoded UTF-8 sequence' },
    },
    {
      name: 'a file part without Content-Type',
      send: http('POST', upload.path, { headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body: noTypeFile }),
      status: 200,
      body: uploadAnswer,
    },
    {
      name: 'an empty boundary',
      send: http('POST', upload.path, { headers: [['Content-Type', 'multipart/form-data; boundary=']], body: text('x') }),
      status: 400,
      body: { error: 'Malformed Content-Type header: parameter "boundary" has an empty value' },
    },
    {
      name: 'two media types in Content-Type',
      send: http('POST', upload.path, { headers: [['Content-Type', 'application/json, multipart/form-data']], body: text('x') }),
      status: 400,
      body: { error: 'Malformed Content-Type header: unexpected "," after "application/json" (one media type only, parameters after ";")' },
    },
  ])('answers $name with $status, and keeps serving', async ({ send: request, status, body }) => {
    const res = await send(mock(), request);
    expect(res.status).toBe(status);
    expect(res.json).toEqual(body);
    expect((await fetch(`${mock().url}${operator42}`, { headers: AUTH })).status).toBe(200);
  });
});

describe('stop', () => {
  it('closes the port', async () => {
    const other = await startMock();
    const url = `${other.url}${operator42}`;
    expect((await fetch(url, { headers: AUTH })).status).toBe(200);
    await other.stop();
    await expect(fetch(url, { headers: AUTH })).rejects.toThrow();
  }, 180_000);
});
