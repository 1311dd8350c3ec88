/**
 * The sandbox against the web pages its developer visits: a DNS-rebinding page (a name of its own
 * pointed at 127.0.0.1, so its requests carry that name in `Host`) gets 403 on every route, admin
 * and API alike; a cross-site page cannot change state through the admin routes (a `text/plain`
 * POST, which browsers send without a preflight, is refused, and so is any cross-site `Origin` or
 * `Sec-Fetch-Site`); and with an admin token, admin routes need it. A request with no single
 * Host to check (none on HTTP/1.1, or two) gets 400 before anything else.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { sameToken } from '../src/admin/admin-guard.js';
import { SANDBOX_MESSAGES } from '../src/errors/messages.js';
import { KEYS, parseRawAnswer, rawExchange, rawRequest, useCli, useSandbox, type Api } from './helpers.js';

const BASE = '/api/v1/public';
const auth = { authorization: `Bearer ${KEYS.full}` };
const portOf = (api: Api): string => new URL(api.sandbox.url).port;
const errorOf = (text: string): string => (JSON.parse(text) as { error: string }).error;

describe('the Host allow-list', () => {
  const { api, sandbox } = useSandbox();
  beforeEach(() => sandbox().reset());

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'app.localhost:PORT', 'LocalHost', '127.0.0.1', 'localhost.:PORT'])(
    'answers the loopback name %s',
    async (host) => {
      const res = await rawRequest(sandbox().origin, `${BASE}/operators/42`, {
        headers: { host: host.replace('PORT', portOf(api())), ...auth },
      });
      expect(res.status).toBe(200);
    },
  );

  it.each([
    'evil.example',
    'evil.example:PORT',
    'localhost.evil.example:PORT',
    '127.0.0.1.nip.io:PORT',
    'sandbox:PORT',
    'user@localhost',
    '',
  ])('refuses GET /__sandbox/keys for Host "%s" without a key in the answer', async (host) => {
    const res = await rawRequest(sandbox().origin, '/__sandbox/keys', { headers: { host: host.replace('PORT', portOf(api())) } });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(res.text)).toMatch(/^Host not allowed: .* start it with --allow-host <name> \(option allowedHosts\)\.$/);
    expect(res.text).not.toContain('idc_');
  });

  it('refuses a rebinding Host on the API even with a seeded key, and changes nothing', async () => {
    const res = await rawRequest(sandbox().origin, `${BASE}/operators/42`, {
      method: 'DELETE',
      headers: { host: `evil.example:${portOf(api())}`, ...auth },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res.text)).toContain('--allow-host');
    expect((await api().get('/operators/42')).status).toBe(200);
  });

  it('refuses a rebinding Host on an admin POST, and resets nothing', async () => {
    await api().delete('/operators/42');
    const res = await rawRequest(sandbox().origin, '/__sandbox/reset', {
      method: 'POST',
      headers: { host: `evil.example:${portOf(api())}`, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect((await api().get('/operators/42')).status).toBe(404);
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const reply = await rawExchange(sandbox().origin, 'GET /__sandbox/keys HTTP/1.0\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 403 /);
    expect(reply).toContain('A request without a Host header is not answered');
    expect(reply).not.toContain('idc_');
  });

  // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host or with more than one, before the
  // allow-list, the key or anything else is looked at.
  it.each([
    {
      name: 'no Host (HTTP/1.1), API',
      head: `GET ${BASE}/operators/42 HTTP/1.1\r\n`,
      error: 'an HTTP/1.1 request must have a Host header (RFC 9112 §3.2).',
    },
    {
      name: 'no Host (HTTP/1.1), admin',
      head: 'GET /__sandbox/keys HTTP/1.1\r\n',
      error: 'an HTTP/1.1 request must have a Host header (RFC 9112 §3.2).',
    },
    {
      name: 'two Hosts, one not allowed',
      head: `GET ${BASE}/operators/42 HTTP/1.1\r\nHost: HOST\r\nHost: evil.example\r\n`,
      error: 'the request has 2 Host headers; send exactly one (RFC 9112 §3.2).',
    },
    {
      name: 'two allowed Hosts, admin',
      head: 'GET /__sandbox/keys HTTP/1.1\r\nHost: HOST\r\nhost: HOST\r\n',
      error: 'the request has 2 Host headers; send exactly one (RFC 9112 §3.2).',
    },
    {
      name: 'two Hosts on HTTP/1.0',
      head: 'GET /__sandbox/keys HTTP/1.0\r\nHost: HOST\r\nHost: HOST\r\n',
      error: 'the request has 2 Host headers; send exactly one (RFC 9112 §3.2).',
    },
  ])('answers 400 in the envelope and closes: $name', async ({ head, error }) => {
    const host = `127.0.0.1:${portOf(api())}`;
    // No key is sent: the answer is 400, not 401, because the Host is checked first.
    const reply = parseRawAnswer(await rawExchange(sandbox().origin, `${head.replaceAll('HOST', host)}\r\n`));
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers.connection).toBe('close');
    expect(reply.json).toEqual({ error: `${SANDBOX_MESSAGES.badHostHeader}: ${error}` });
  });

  it('changes nothing for a DELETE with two Host headers', async () => {
    const host = `127.0.0.1:${portOf(api())}`;
    const reply = await rawExchange(
      sandbox().origin,
      `DELETE ${BASE}/operators/42 HTTP/1.1\r\nHost: ${host}\r\nHost: ${host}\r\nAuthorization: ${auth.authorization}\r\n\r\n`,
    );
    expect(parseRawAnswer(reply).status).toBe(400);
    expect((await api().get('/operators/42')).status).toBe(200);
  });
});

describe('allowedHosts', () => {
  it('answers the names it is given (any port, any case), and still refuses others', async () => {
    const sandbox = await startSandbox({ port: 0, allowedHosts: ['sandbox', 'Identitycall-Sandbox.internal', 'fe80::1'] });
    try {
      const status = async (host: string) =>
        (await rawRequest(sandbox.origin, `${BASE}/operators/42`, { headers: { host, ...auth } })).status;
      expect(await status('sandbox:4011')).toBe(200);
      expect(await status('SANDBOX')).toBe(200);
      expect(await status('identitycall-sandbox.internal:80')).toBe(200);
      expect(await status('[fe80::1]:4011')).toBe(200);
      expect(await status('sandbox.evil.example')).toBe(403);
    } finally {
      await sandbox.stop();
    }
  });

  it("answers any Host with '*'", async () => {
    const sandbox = await startSandbox({ port: 0, allowedHosts: ['*'] });
    try {
      expect((await rawRequest(sandbox.origin, `${BASE}/operators/42`, { headers: { host: 'anything.example', ...auth } })).status).toBe(
        200,
      );
    } finally {
      await sandbox.stop();
    }
  });

  it.each(['http://sandbox', 'sandbox:4011', '', 'two words'])('refuses the entry "%s" at start', async (entry) => {
    await expect(startSandbox({ port: 0, allowedHosts: [entry] })).rejects.toThrow(/^--allow-host \/ allowedHosts: expected a host name/);
  });
});

describe('the admin routes against cross-site pages', () => {
  const { api, sandbox } = useSandbox({ processing: 'manual' });
  beforeEach(() => sandbox().reset());
  const host = () => `127.0.0.1:${portOf(api())}`;
  const post = (path: string, headers: Record<string, string>) =>
    rawRequest(sandbox().origin, `/__sandbox${path}`, { method: 'POST', headers: { host: host(), ...headers }, body: '{}' });

  it.each([
    { name: 'text/plain', type: 'text/plain' },
    { name: 'text/plain with a charset', type: 'text/plain;charset=UTF-8' },
    { name: 'a form', type: 'application/x-www-form-urlencoded' },
    { name: 'multipart', type: 'multipart/form-data; boundary=x' },
    { name: 'no content type', type: undefined },
  ])('does not reset for a CORS-simple POST ($name): 415, state kept', async ({ type }) => {
    await api().delete('/operators/42');
    const res = await post('/reset', type === undefined ? {} : { 'content-type': type });
    expect(res.status).toBe(415);
    expect(errorOf(res.text)).toMatch(/^Admin POST routes need Content-Type: application\/json \(got/);
    expect((await api().get('/operators/42')).status).toBe(404);
  });

  it('does not advance a recording for a text/plain POST', async () => {
    const res = await post('/recordings/126/advance', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await api().get('/recordings/126')).body.data.status).toBe('pending');
  });

  it.each([
    { name: 'a cross-site Origin', headers: { origin: 'https://evil.example' } },
    { name: 'a rebinding-looking Origin', headers: { origin: 'http://localhost.evil.example:4011' } },
    { name: 'Origin: null (a sandboxed frame)', headers: { origin: 'null' } },
    { name: 'Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site' } },
  ])('refuses $name even as JSON: 403, state kept', async ({ headers }) => {
    await api().delete('/operators/42');
    const res = await post('/reset', { 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(403);
    expect(errorOf(res.text)).toMatch(/^Cross-site requests to the admin routes are refused/);
    expect((await api().get('/operators/42')).status).toBe(404);
  });

  it('refuses to list the keys to a cross-site Origin', async () => {
    const res = await rawRequest(sandbox().origin, '/__sandbox/keys', { headers: { host: host(), origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('idc_');
  });

  it('answers a page on a loopback origin and a local tool', async () => {
    await api().delete('/operators/42');
    const res = await post('/reset', {
      'content-type': 'application/json',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-site',
    });
    expect(res.status).toBe(200);
    expect((await api().get('/operators/42')).status).toBe(200);
    expect((await post('/reset', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});

describe('the admin token', () => {
  const TOKEN = 'sandbox-admin-4f9c2e';
  const { api, sandbox } = useSandbox({ adminToken: TOKEN });
  beforeEach(() => sandbox().reset());
  const call = (path: string, method: string, headers: Record<string, string>) =>
    rawRequest(sandbox().origin, `/__sandbox${path}`, {
      method,
      headers: { host: `127.0.0.1:${portOf(api())}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
    });

  it.each([
    { name: 'no token', headers: {} },
    { name: 'a wrong token', headers: { authorization: 'Bearer sandbox-admin-4f9c2f' } },
    { name: 'a longer token', headers: { authorization: `Bearer ${TOKEN}x` } },
    { name: 'an API key', headers: { authorization: `Bearer ${KEYS.full}` } },
    { name: 'the token in another scheme', headers: { authorization: `Basic ${TOKEN}` } },
  ])('answers 401 to $name, on every admin route, and changes nothing', async ({ headers }) => {
    await api().delete('/operators/42');
    for (const [path, method] of [
      ['/keys', 'GET'],
      ['/reset', 'POST'],
      ['/recordings/126/advance', 'POST'],
      ['/nothing', 'GET'],
    ] as const) {
      const res = await call(path, method, headers);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(errorOf(res.text)).toMatch(/^Admin token required: /);
      expect(res.text).not.toContain('idc_');
    }
    expect((await api().get('/operators/42')).status).toBe(404);
  });

  it('answers the right token', async () => {
    expect((await call('/keys', 'GET', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    await api().delete('/operators/42');
    expect((await call('/reset', 'POST', { authorization: `bearer  ${TOKEN}` })).status).toBe(200);
    expect((await api().get('/operators/42')).status).toBe(200);
  });

  it('leaves the API to API keys', async () => {
    expect((await api().get('/operators/42')).status).toBe(200);
  });

  it.each(['', 'two words', 'tab\there', 'naïve'])('refuses the token %j at start', async (token) => {
    await expect(startSandbox({ port: 0, adminToken: token })).rejects.toThrow(/^--admin-token \/ adminToken: /);
  });

  it('compares tokens whatever their lengths', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken('', TOKEN)).toBe(false);
    expect(sameToken(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});

describe('the CLI', () => {
  const { startCli, kill } = useCli();

  it('takes --allow-host and the admin token from the environment, and --admin-token over it', async () => {
    const fromEnv = await startCli(['--allow-host', 'sandbox', '--allow-host', 'api.test'], {
      IDENTITYCALL_SANDBOX_ADMIN_TOKEN: 'env-token',
    });
    try {
      const origin = new URL(fromEnv.url).origin;
      const get = (path: string, headers: Record<string, string>) => rawRequest(origin, path, { headers });
      expect((await get(`${BASE}/operators/42`, { host: 'sandbox:4011', ...auth })).status).toBe(200);
      expect((await get(`${BASE}/operators/42`, { host: 'api.test', ...auth })).status).toBe(200);
      expect((await get(`${BASE}/operators/42`, { host: 'other:4011', ...auth })).status).toBe(403);
      expect((await get('/__sandbox/keys', { host: 'sandbox' })).status).toBe(401);
      expect((await get('/__sandbox/keys', { host: 'sandbox', authorization: 'Bearer env-token' })).status).toBe(200);
      expect(fromEnv.output()).not.toContain('env-token');
    } finally {
      await kill(fromEnv.child);
    }
    const fromFlag = await startCli(['--admin-token', 'flag-token'], { IDENTITYCALL_SANDBOX_ADMIN_TOKEN: 'env-token' });
    try {
      const origin = new URL(fromFlag.url).origin;
      const keys = (token: string) =>
        rawRequest(origin, '/__sandbox/keys', { headers: { host: 'localhost', authorization: `Bearer ${token}` } });
      expect((await keys('flag-token')).status).toBe(200);
      expect((await keys('env-token')).status).toBe(401);
    } finally {
      await kill(fromFlag.child);
    }
  });
});
