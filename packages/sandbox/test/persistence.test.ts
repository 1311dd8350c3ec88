/**
 * Persistence with a data file: changes survive a restart and a SIGKILL in the middle of writing
 * (the CLI runs as a child process), every acknowledged change is on disk, and a reset (option,
 * CLI flag, admin route) restores the seed.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { Api, KEYS } from './helpers.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = join(pkg, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
const children = new Set<ChildProcess>();

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // The kill test runs the built CLI; build it when dist is missing or older than src.
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(pkg, 'src'))) {
    execFileSync(process.execPath, [join(pkg, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: pkg });
  }
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI on a free port; resolves with its base URL once it prints it. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m && out.includes('API keys:')) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

const kill = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

function client(url: string): (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }> {
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEYS.full}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

describe('data file (in process)', () => {
  it('keeps changes across a restart; reset restores the seed on disk too', async () => {
    const dataFile = join(dir, 'restart.json');
    let sb = await startSandbox({ port: 0, dataFile });
    await new Api(sb).patch('/operators/42', { name: 'Persisted Jane', email: null });
    const created = await new Api(sb).post('/projects', { name: 'Kept', language: 'en' });
    await sb.stop();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).format).toBe('identitycall-sandbox/1');

    sb = await startSandbox({ port: 0, dataFile });
    const api = new Api(sb);
    expect((await api.get('/operators/42')).body.data).toMatchObject({ name: 'Persisted Jane', email: null });
    expect((await api.get(`/projects/${created.body.data.id}`)).status).toBe(200);
    // New ids continue after the persisted ones.
    const next = await api.post('/projects', { name: 'Next', language: 'en' });
    expect(next.body.data.id).toBeGreaterThan(created.body.data.id);

    const reset = await fetch(`${sb.origin}/__sandbox/reset`, { method: 'POST' });
    expect(await reset.json()).toEqual({ data: { reset: true } });
    await sb.stop();
    sb = await startSandbox({ port: 0, dataFile });
    expect((await new Api(sb).get('/operators/42')).body.data.name).toBe('Jane Doe');
    await sb.stop();
  });

  it('starts from the seed with reset: true, ignoring the data file', async () => {
    const dataFile = join(dir, 'reset-option.json');
    let sb = await startSandbox({ port: 0, dataFile });
    await new Api(sb).delete('/operators/42');
    await sb.stop();
    sb = await startSandbox({ port: 0, dataFile, reset: true });
    expect((await new Api(sb).get('/operators/42')).status).toBe(200);
    await sb.stop();
  });

  it('writes 200 parallel changes so that a restart sees the final state', async () => {
    const dataFile = join(dir, 'parallel.json');
    let sb = await startSandbox({ port: 0, dataFile });
    const api = new Api(sb);
    await Promise.all(Array.from({ length: 200 }, (_, i) => api.patch('/operators/42', { name: `Writer ${i}` })));
    const final = (await api.get('/operators/42')).body.data;
    await sb.stop();
    sb = await startSandbox({ port: 0, dataFile });
    expect((await new Api(sb).get('/operators/42')).body.data).toEqual(final);
    await sb.stop();
  });

  it('refuses to start from a data file that is not one (instead of overwriting it)', async () => {
    const dataFile = join(dir, 'corrupt.json');
    writeFileSync(dataFile, '{"half": ');
    await expect(startSandbox({ port: 0, dataFile })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(dataFile, 'utf8')).toBe('{"half": ');
  });
});

describe('CLI', () => {
  it('prints the URL and the seeded keys', async () => {
    const { child, url, output } = await startCli([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public$/);
    for (const key of Object.values(KEYS)) expect(output()).toContain(key);
    await kill(child);
  });

  it.each([
    { name: 'a bad port', args: ['--port', 'abc'], message: /--port: not a port/ },
    { name: 'an unknown option', args: ['--colour'], message: /Unknown option '--colour'/ },
    { name: 'a bad processing mode', args: ['--processing', 'later'], message: /--processing/ },
  ])('exits 1 with usage for $name', ({ args, message }) => {
    const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: identitycall-sandbox');
  });

  it('survives SIGKILL in the middle of writing: every acknowledged change is there after a restart', async () => {
    const dataFile = join(dir, 'killed.json');
    let acknowledged = 0;
    const createdIds: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { child, url } = await startCli(['--data', dataFile]);
      const call = client(url);
      const state = (await call('GET', '/operators/42')).body.data;
      // Everything acknowledged before the previous kill is on disk.
      if (round > 0) {
        const n = Number(/^Killed (\d+)$/.exec(state.name)?.[1]);
        expect(n).toBeGreaterThanOrEqual(acknowledged);
        const ids = new Set((await call('GET', '/operators')).body.data.map((o: { id: number }) => o.id));
        for (const id of createdIds) expect(ids.has(id)).toBe(true);
      }
      let stop = false;
      const writer = (async () => {
        for (let i = acknowledged + 1; !stop; i++) {
          const res = await call('PATCH', '/operators/42', { name: `Killed ${i}` }).catch(() => undefined);
          if (res?.status !== 200) break;
          acknowledged = i;
        }
      })();
      const creator = (async () => {
        while (!stop) {
          const res = await call('POST', '/operators', { name: 'Crash Test', phone_number: '+15555550100' }).catch(() => undefined);
          if (res?.status !== 201) break;
          createdIds.push(res.body.data.id);
        }
      })();
      // Kill mid-stream: once this round has had a write acknowledged (a busy machine may take a
      // while to answer the first one), plus a little more so writes are in flight.
      const before = acknowledged;
      for (const deadline = Date.now() + 15_000; acknowledged === before && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, 50 + round * 50));
      await kill(child);
      stop = true;
      await Promise.all([writer, creator]);
      expect(acknowledged).toBeGreaterThan(0);
      // The file on disk is always one whole state.
      expect(() => JSON.parse(readFileSync(dataFile, 'utf8'))).not.toThrow();
    }
    const { child, url } = await startCli(['--data', dataFile, '--reset']);
    expect((await client(url)('GET', '/operators/42')).body.data.name).toBe('Jane Doe');
    await kill(child);
  }, 90_000);
});
