/** The mock serves the spec: the seed's request, auth, validation, bad input, start and stop. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from './index.js';

const auth = { Authorization: 'Bearer idc_abcdefghijklmnopqrstuvwxyz012345' };
const json = { 'Content-Type': 'application/json' };
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

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
}, 60_000);
afterAll(() => mock?.stop());

describe('startMock', () => {
  it('listens on 127.0.0.1 on a port chosen at run time, under the base path', () => {
    expect(mock.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.url).toBe(`${mock.origin}${mock.basePath}`);
  });

  it("answers the seed's PATCH /operators/42 with exactly the seed's body", async () => {
    const res = await fetch(`${mock.url}/operators/42`, {
      method: 'PATCH',
      headers: { ...auth, ...json },
      body: JSON.stringify({ email: 'jane.doe+work@example.com', active: false }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(seedResponse);
  });

  it('answers 401 {"error": "Invalid API key"} without an Authorization header', async () => {
    const res = await fetch(`${mock.url}/operators/42`, { method: 'PATCH', headers: json, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Invalid API key' });
  });

  it('answers 422 in the errors envelope for {"active": "no"}', async () => {
    const res = await fetch(`${mock.url}/operators/42`, {
      method: 'PATCH',
      headers: { ...auth, ...json },
      body: JSON.stringify({ active: 'no' }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: string[] };
    expect(Array.isArray(body.errors)).toBe(true);
  });

  it('answers malformed JSON with 400 and a message that says so, instead of hanging', async () => {
    const res = await fetch(`${mock.url}/operators/42`, {
      method: 'PATCH',
      headers: { ...auth, ...json },
      body: '{"active":',
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^Malformed JSON in request body: /);
  });

  it('serves other documented statuses on request with Prefer: code', async () => {
    const res = await fetch(`${mock.url}/operators/42`, { headers: { ...auth, Prefer: 'code=404' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Resource not found' });
  });
});

describe('stop', () => {
  it('closes the port', async () => {
    const other = await startMock();
    const url = other.url;
    expect((await fetch(`${url}/operators`, { headers: auth })).status).toBe(200);
    await other.stop();
    await expect(fetch(`${url}/operators`, { headers: auth })).rejects.toThrow();
  }, 60_000);
});

describe('identitycall-mock CLI', () => {
  it('prints the URL it serves on, and serves there', async () => {
    const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/operators`, { headers: auth });
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses a port that is not a number', async () => {
    const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be an integer/);
  });
});
