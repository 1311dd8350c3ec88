/**
 * The package as a consumer gets it: `pnpm pack` (the way it is published: `workspace:` and
 * `catalog:` versions are written out, which `npm pack` would leave as they are), an `npm install`
 * of the tarball into an empty folder outside the workspace, and child `node` processes that
 * `require()` the CommonJS entry and `import` the ESM entry and call a local HTTP server. attw and
 * publint check the types and the packaging; only this runs the built code the way users do.
 * Type-checking a consumer under each module resolution, and other runtimes, are the consumer
 * matrix's job (`pnpm test:consumers`, run by CI from a real registry).
 * Needs the build (`pnpm run build`) and the npm registry (for openapi-fetch).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pnpmCommand, runCommand, startServer, TEST_KEY, type LocalServer } from './helpers.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string };
const operator = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };

/** The calls every consumer makes; `sdk` is the module, `out` what it reports back as JSON. */
const calls = `
const client = sdk.createIdentityCallClient({ apiKey: process.env.KEY, baseUrl: process.env.BASE, maxRetries: 0 });
const out = { exports: Object.keys(sdk).sort() };
out.list = await client.operators.list();
out.get = await client.operators.get(42);
try {
  await client.operators.get(404);
  out.notFound = 'no error';
} catch (error) {
  out.notFound = {
    name: error.name,
    status: error.status,
    messages: error.messages,
    isNotFound: error instanceof sdk.NotFoundError,
    isAPIError: error instanceof sdk.APIError,
    isBase: error instanceof sdk.IdentityCallError,
  };
}
try {
  await client.projects.list();
  out.malformed = 'no error';
} catch (error) {
  out.malformed = { name: error.name, status: error.status, contentType: error.contentType, isResponseError: error instanceof sdk.APIResponseError };
}
console.log(JSON.stringify(out));
`;

const consumers = {
  'consumer.cjs': `const sdk = require('@identitycall/client');
(async () => {
${calls}
})().catch((error) => { console.error(error); process.exit(1); });
`,
  'consumer.mjs': `import * as sdk from '@identitycall/client';
${calls}`,
};

/** The environment for npm: this run's own npm/pnpm settings (pnpm sets many) do not apply to it. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) || /^npm_config_registry$/i.test(name)) env[name] = value;
  }
  return env;
}

/** Every package folder under `dir`'s node_modules, nested ones included, as `name` strings. */
function installedPackages(dir: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    let entries: string[];
    try {
      entries = readdirSync(modules);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of names) {
        found.push(name);
        walk(join(modules, name, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}

describe('the packed package, installed with npm into an empty folder', () => {
  let work: string;
  let consumer: string;
  let server: LocalServer;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'identitycall-client-pack-'));
    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    const [pnpm, pre] = pnpmCommand();
    const packed = await runCommand(pnpm, [...pre, 'pack', '--pack-destination', work, '--json'], { cwd: packageDir, timeout: 240_000 });
    const tarball = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('{'))) as { filename: string }).filename;
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
    await runCommand('npm', ['install', tarball, '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], {
      cwd: consumer,
      env: npmEnv(),
      timeout: 240_000,
    });
    for (const [file, code] of Object.entries(consumers)) writeFileSync(join(consumer, file), code);
    server = await startServer((req, res) => {
      authorizations.push(req.headers.authorization);
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/api/v1/public/operators') json(200, { data: [operator] });
      else if (req.url === '/api/v1/public/operators/42') json(200, { data: operator });
      else if (req.url === '/api/v1/public/projects')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>sign in</p>');
      else json(404, { error: 'Resource not found' });
    });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('depends on nothing of the workspace: no @identitycall/* package but itself is installed', () => {
    const installed = installedPackages(consumer);
    expect(installed).toContain(manifest.name);
    expect(installed).toContain('openapi-fetch');
    expect(installed.filter((name) => name.startsWith('@identitycall/') && name !== manifest.name)).toEqual([]);
    const shipped = JSON.parse(readFileSync(join(consumer, 'node_modules', manifest.name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(shipped.dependencies ?? {})).toEqual(['openapi-fetch']);
    expect(shipped.dependencies!['openapi-fetch']).toMatch(/^[\^~]?\d/); // a real range, not workspace: or catalog:
  });

  it.each([
    { name: 'require() of the CommonJS entry', file: 'consumer.cjs' },
    { name: 'import of the ESM entry', file: 'consumer.mjs' },
  ])('$name lists, gets, and throws the exported NotFoundError and APIResponseError', async ({ file }) => {
    const { stdout } = await runCommand(process.execPath, [file], {
      cwd: consumer,
      env: { ...process.env, KEY: TEST_KEY, BASE: `${server.url}/api/v1/public` },
      timeout: 60_000,
    });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out.exports).toEqual(
      expect.arrayContaining(['createIdentityCallClient', 'NotFoundError', 'IdentityCallError', 'APIError', 'APIResponseError']),
    );
    expect(out.list).toEqual([operator]);
    expect(out.get).toEqual(operator);
    expect(out.notFound).toEqual({
      name: 'NotFoundError',
      status: 404,
      messages: ['Resource not found'],
      isNotFound: true,
      isAPIError: true,
      isBase: true,
    });
    expect(out.malformed).toEqual({ name: 'APIResponseError', status: 200, contentType: 'text/html', isResponseError: true });
    expect(authorizations.at(-1)).toBe(`Bearer ${TEST_KEY}`);
  });
});
