/**
 * The built ESM client in a real browser: headless Chromium (Debian's, driven by playwright-core;
 * never downloaded) loads dist/index.js and openapi-fetch through an import map from a tiny local
 * server, and calls the Prism mock cross-origin. Skipped when /usr/bin/chromium is missing, unless
 * IDENTITYCALL_REQUIRE_BROWSER=1 (CI), where a missing browser fails the test.
 * @see https://playwright.dev/docs/api/class-browsertype#browser-type-launch
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startMock, type RunningMock } from '@identitycall/mock';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_KEY, type LocalServer } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const required = process.env.IDENTITYCALL_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const skipReason = `${CHROMIUM} not found (install Debian's chromium; set IDENTITYCALL_REQUIRE_BROWSER=1 to make this a failure)`;

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const openapiFetch = createRequire(import.meta.url)
  .resolve('openapi-fetch')
  .replace(/index\.(c?js|mjs)$/, 'index.mjs');

const page = `<!doctype html>
<script type="importmap">{ "imports": { "openapi-fetch": "/openapi-fetch.js" } }</script>
<script type="module">import * as sdk from '/client.js'; window.sdk = sdk;</script>
<title>client</title>`;

describe('in headless Chromium', () => {
  let server: LocalServer;
  let mock: RunningMock;
  let browser: Browser;
  let tab: Page;

  beforeAll(async () => {
    if (!available) return;
    if (!existsSync(dist)) throw new Error('dist/index.js is missing: run `pnpm run build` before the browser test.');
    server = await startServer((req, res) => {
      const file = req.url === '/client.js' ? dist : req.url === '/openapi-fetch.js' ? openapiFetch : undefined;
      if (file) res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else res.writeHead(404).end();
    });
    mock = await startMock();
    // Generous limits: on two busy cores Prism and Chromium each take many seconds to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: 120_000 });
    tab = await browser.newPage();
    tab.setDefaultTimeout(60_000);
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${server.url}/`);
    await tab.waitForFunction('window.sdk !== undefined');
    expect(errors).toEqual([]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
    await server?.close();
  });

  it('is present when CI requires it', (ctx) => {
    ctx.skip(!required, 'checked only with IDENTITYCALL_REQUIRE_BROWSER=1');
    expect(available, `IDENTITYCALL_REQUIRE_BROWSER=1 but ${skipReason}`).toBe(true);
  });

  it('the browser build has no node: import at the top level', () => {
    const code = readFileSync(dist, 'utf8');
    expect(code).not.toMatch(/^import[^;]*from\s*["']node:/m);
    expect(code).not.toMatch(/["']node:fs["']/);
  });

  /** Runs `fn` in the page with the module as `sdk`, and a client on the mock. */
  const inPage = <T>(fn: string) =>
    tab.evaluate(
      async ({ fn, baseUrl, apiKey }) => {
        const sdk = (window as unknown as { sdk: Record<string, unknown> }).sdk as typeof import('../src/index.js');
        const client = sdk.createIdentityCallClient({ apiKey, baseUrl, maxRetries: 0 });
        return (new Function('sdk', 'client', `return (async () => { ${fn} })()`) as (s: unknown, c: unknown) => Promise<T>)(sdk, client);
      },
      { fn, baseUrl: mock.url, apiKey: TEST_KEY },
    );

  it('gets an operator from the mock, cross-origin', async (ctx) => {
    ctx.skip(!available, skipReason);
    const operator = await inPage<{ id: number; name: string }>('return await client.operators.get(42);');
    expect(operator).toMatchObject({ id: 42, name: expect.any(String) });
  });

  it('walks the recordings pages and stops on a server that repeats page 1', async (ctx) => {
    ctx.skip(!available, skipReason);
    const result = await inPage<{ first: number; walked: number }>(`
      const first = (await client.recordings.list({ per_page: 20 })).data.length;
      let walked = 0;
      for await (const r of client.recordings.iterate()) walked++;
      return { first, walked };
    `);
    expect(result.first).toBeGreaterThan(0);
    expect(result.walked).toBe(result.first); // the mock answers page 1 to every page: the guard stops
  });

  it('uploads a Blob as multipart', async (ctx) => {
    ctx.skip(!available, skipReason);
    const created = await inPage<{ status: string }>(`
      const file = new Blob([new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0])], { type: 'audio/mpeg' });
      return await client.recordings.upload({ file, project_id: 42, external_id: 'browser-1', language: 'en' });
    `);
    expect(created.status).toBe('pending');
  });

  it.for([
    {
      name: 'a 404 is a NotFoundError',
      code: `await client.withOptions({ headers: { Prefer: 'code=404' } }).operators.get(42)`,
      error: 'NotFoundError',
      status: 404,
    },
    {
      name: 'a file path is refused',
      code: `await client.recordings.upload({ file: '/tmp/call.mp3' })`,
      error: 'UploadValidationError',
      status: undefined,
    },
    {
      name: 'an abort is an APIUserAbortError',
      code: `await client.operators.list({ signal: AbortSignal.abort() })`,
      error: 'APIUserAbortError',
      status: undefined,
    },
  ])('$name', async ({ code, error, status }, ctx) => {
    ctx.skip(!available, skipReason);
    const thrown = await inPage<Record<string, unknown>>(`
      try { ${code}; return { thrown: false }; }
      catch (e) { return { name: e.name, status: e.status, message: e.message, typed: e instanceof sdk.${error} && e instanceof sdk.IdentityCallError }; }
    `);
    expect(thrown).toMatchObject({ name: error, status, typed: true });
    expect(String(thrown.message)).not.toContain(TEST_KEY);
  });
});
