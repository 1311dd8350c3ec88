/**
 * Persistence with a data file: changes survive a restart and a SIGKILL in the middle of writing
 * (the CLI runs as a child process), every acknowledged change is on disk, and a reset (option,
 * CLI flag, admin route) restores the seed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { readDataFile } from '../src/state/persistence.js';
import { Api, KEYS, admin, useCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
const { startCli, kill, CLI } = useCli();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
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
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).format).toBe('identitycall-sandbox/2');

    sb = await startSandbox({ port: 0, dataFile });
    const api = new Api(sb);
    expect((await api.get('/operators/42')).body.data).toMatchObject({ name: 'Persisted Jane', email: null });
    expect((await api.get(`/projects/${created.body.data.id}`)).status).toBe(200);
    // New ids continue after the persisted ones.
    const next = await api.post('/projects', { name: 'Next', language: 'en' });
    expect(next.body.data.id).toBeGreaterThan(created.body.data.id);

    const reset = await admin(sb, '/reset');
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

  it('writes 200 parallel changes so that a restart sees the final state', { timeout: 120_000 }, async () => {
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

  // A supervisor signals as soon as it reads the ready line: the CLI must already stop cleanly
  // then (exit 0, data file closed), not die of the signal's default action. The CLI signals
  // itself right after writing that line, the earliest moment there is, so the test does not
  // depend on how fast this machine delivers the line to a parent.
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s sent the moment it is ready', async (signal) => {
    const selfSignal = `const w = process.stdout.write.bind(process.stdout);
      process.stdout.write = (chunk, ...rest) => {
        const written = w(chunk, ...rest);
        if (String(chunk).includes('listening on')) process.kill(process.pid, ${JSON.stringify(signal)});
        return written;
      };`;
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(selfSignal)}`, CLI, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).toContain('listening on');
  });

  it('keeps a change made just before SIGTERM, and exits 0', async () => {
    const dataFile = join(dir, 'sigterm.json');
    const first = await startCli(['--data', dataFile]);
    expect((await client(first.url)('PATCH', '/operators/42', { name: 'Before SIGTERM' })).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const second = await startCli(['--data', dataFile]);
    expect((await client(second.url)('GET', '/operators/42')).body.data.name).toBe('Before SIGTERM');
    await kill(second.child);
  });

  it.each([
    { name: 'a bad port', args: ['--port', 'abc'], message: /--port: not a port/ },
    { name: 'an unknown option', args: ['--colour'], message: /Unknown option '--colour'/ },
    { name: 'a bad processing mode', args: ['--processing', 'later'], message: /--processing/ },
  ])('exits 1 with usage for $name', ({ args, message }) => {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
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
      // Resolves once `n` writes of this run are acknowledged: the test waits for that event, not for time.
      let waiters: Array<{ n: number; resolve: () => void }> = [];
      const acknowledge = (i: number): void => {
        acknowledged = i;
        waiters = waiters.filter((w) => (acknowledged >= w.n ? (w.resolve(), false) : true));
      };
      const acknowledgedAtLeast = (n: number): Promise<void> =>
        acknowledged >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
      const writer = (async () => {
        for (let i = acknowledged + 1; !stop; i++) {
          const res = await call('PATCH', '/operators/42', { name: `Killed ${i}` }).catch(() => undefined);
          if (res?.status !== 200) break;
          acknowledge(i);
        }
      })();
      const creator = (async () => {
        while (!stop) {
          const res = await call('POST', '/operators', { name: 'Crash Test', phone_number: '+15555550100' }).catch(() => undefined);
          if (res?.status !== 201) break;
          createdIds.push(res.body.data.id);
        }
      })();
      // Kill mid-stream: after a few acknowledged writes of this round (more each round), while the
      // writer and the creator keep further writes in flight.
      const target = acknowledged + 3 + round * 3;
      await Promise.race([acknowledgedAtLeast(target), writer]);
      expect(acknowledged, 'writes acknowledged before the kill').toBeGreaterThanOrEqual(target);
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
  }, 120_000);
});

/**
 * A process that writes operators in waves of five, compacting all the time (the smallest
 * threshold), and prints each wave's ids once `sync` says they are on disk.
 */
const WRITER = `
const dist = process.env.SANDBOX_DIST;
const { Persistence, readDataFile } = await import(dist + '/state/persistence.js');
const { Store } = await import(dist + '/state/store.js');
const { loadSeedFile } = await import(dist + '/index.js');
const file = process.env.DATA_FILE;
const recovered = await readDataFile(file);
const store = new Store(recovered?.tenants.get('default') ?? loadSeedFile());
const p = await Persistence.start(file, new Map([['default', store]]), { seq: recovered?.seq ?? 0, id: recovered?.id }, { minCompactBytes: 1 });
for (let wave = 0; ; wave++) {
  const ids = [];
  for (let i = 0; i < 5; i++)
    ids.push(store.operators.create({ name: 'Wave ' + wave, phone_number: '+15555550100', email: null, active: true, project_ids: [] }).id);
  await p.sync();
  process.stdout.write('ack ' + ids.join(' ') + '\\n');
}
`;

describe('journal compaction', () => {
  // The kills land wherever the writer is; the two moments inside a compaction are also made
  // deterministically in src/state/journal.test.ts.
  it('survives SIGKILL at any point of appending and compacting: every acknowledged change is there', async () => {
    const dataFile = join(dir, 'compacting.json');
    const acknowledged: number[] = [];
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SANDBOX_DIST: new URL('../dist', import.meta.url).href, DATA_FILE: dataFile },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const target = acknowledged.length + 100 + 35 * round;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const lines = out.split('\n');
          out = lines.pop()!;
          for (const line of lines) acknowledged.push(...line.slice(4).split(' ').map(Number));
          if (acknowledged.length >= target) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited with ${code}: ${stderr}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const recovered = await readDataFile(dataFile);
      const ids = new Set(recovered?.tenants.get('default')?.operators.map((o) => o.id));
      const lost = acknowledged.filter((id) => !ids.has(id));
      expect(lost, `acknowledged operators missing after kill ${round + 1}`).toEqual([]);
      // The first writer compacted while it ran (the snapshot written at its start has seq 0).
      if (round === 0) expect(JSON.parse(readFileSync(dataFile, 'utf8')).seq).toBeGreaterThan(0);
    }
  }, 240_000);
});
