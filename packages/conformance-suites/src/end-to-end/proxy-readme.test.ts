/**
 * The root README's proxy example, run as written: the commands between its `proxy-example`
 * markers are read from the README and run one by one — the sandbox CLI with its `--fault`, the
 * proxy CLI with its flags, the team's suite, SIGTERM — and the lines the README shows must be
 * what the proxy prints. Three things are substituted, and only these: ports (`--port 0`, then the
 * URL each CLI prints, as tests never take fixed ports), `reports/` (a temporary folder), and
 * `npm test` — a team's suite — by the suite below, which makes its requests through
 * @identitycall/client at IDENTITYCALL_BASE_URL as a team's would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { access, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createIdentityCallClient, NotFoundError } from '@identitycall/client';
import { EXIT_CODES } from '@identitycall/conformance';
import { CLI } from '../../test/helpers.js';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const example = /<!-- proxy-example:start[^>]*-->([\s\S]*?)<!-- proxy-example:end -->/.exec(README)?.[1] ?? '';
const [commands = '', shown = ''] = [...example.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)].map((m) => m[1]!);

const SANDBOX_CLI = (() => {
  const manifest = createRequire(import.meta.url).resolve('@identitycall/sandbox/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['identitycall-sandbox']!);
})();

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts a CLI; resolves with its output so far once `ready` matches it (group 1: the URL it printed). */
function start(script: string, args: string[], ready: RegExp) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = new Promise<string>((resolve, reject) => {
    const look = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    void exit.then((code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
  return { child, url, exit, output: () => out };
}

/** A team's own integration suite: it reads IDENTITYCALL_BASE_URL, lists operators and expects a 404 for one that does not exist. */
async function teamSuite(env: { IDENTITYCALL_BASE_URL: string; IDENTITYCALL_API_KEY: string }): Promise<void> {
  const client = createIdentityCallClient({ baseUrl: env.IDENTITYCALL_BASE_URL, apiKey: env.IDENTITYCALL_API_KEY });
  expect((await client.operators.list()).length).toBeGreaterThan(0);
  await expect(client.operators.get(2_147_483_000)).rejects.toBeInstanceOf(NotFoundError);
}

it('the README shows the proxy catching a defect injected with --fault, and what it prints is real', async () => {
  const lines = commands
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  expect(lines).toHaveLength(4);
  const [sandboxLine, proxyLine, suiteLine, stopLine] = lines as [string, string, string, string];
  const dir = await mkdtemp(join(tmpdir(), 'proxy-readme-'));

  const sandboxArgs = /^npx identitycall-sandbox (.+) &$/.exec(sandboxLine)?.[1]?.split(/\s+/);
  expect(sandboxArgs, sandboxLine).toBeDefined();
  const documentedPort = sandboxArgs![sandboxArgs!.indexOf('--port') + 1]!;
  const sandbox = start(
    SANDBOX_CLI,
    sandboxArgs!.map((a) => (a === documentedPort ? '0' : a)),
    /listening on (\S+)[\s\S]*API keys:/,
  );
  const sandboxUrl = await sandbox.url;
  const key = /(idc_sandboxFullAccess\w+)/.exec(sandbox.output())?.[1];
  expect(key, sandbox.output()).toBeDefined();

  const proxyArgs = /^npx identitycall-conformance (proxy .+) &$/.exec(proxyLine)?.[1]?.split(/\s+/);
  expect(proxyArgs, proxyLine).toBeDefined();
  const documentedTarget = proxyArgs![proxyArgs!.indexOf('--target') + 1]!;
  expect(documentedTarget).toBe(`http://127.0.0.1:${documentedPort}/api/v1/public`);
  const proxyPort = proxyArgs![proxyArgs!.indexOf('--port') + 1]!;
  const proxy = start(
    CLI,
    proxyArgs!.map((a) => (a === documentedTarget ? sandboxUrl : a === proxyPort ? '0' : a.replace(/^reports\//, `${dir}/reports/`))),
    /^Validating proxy on (\S+)/m,
  );
  const proxyUrl = await proxy.url;

  const suite = /^IDENTITYCALL_BASE_URL=(\S+) npm test$/.exec(suiteLine);
  expect(suite, suiteLine).not.toBeNull();
  expect(suite![1]).toBe(`http://127.0.0.1:${proxyPort}/api/v1/public`);
  await teamSuite({ IDENTITYCALL_BASE_URL: proxyUrl, IDENTITYCALL_API_KEY: key! });

  expect(stopLine).toBe('kill -TERM %2 && wait %2');
  await expect.poll(() => proxy.output(), { timeout: 60_000 }).toContain('[error_envelope]');
  proxy.child.kill('SIGTERM');
  expect(await proxy.exit, proxy.output()).toBe(EXIT_CODES.failed);
  for (const line of shown.split('\n').filter((l) => l.trim() !== '')) expect(proxy.output()).toContain(line);
  await access(join(dir, 'reports/proxy.xml'));
  expect(proxy.output()).not.toContain(key!);
  sandbox.child.kill('SIGTERM');
  await sandbox.exit;
});
