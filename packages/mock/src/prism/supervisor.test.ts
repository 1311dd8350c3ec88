/**
 * Supervision, with small stand-in upstreams instead of Prism (they start in milliseconds and
 * crash, hang or exit on cue): restarts with backoff, the log of why, 503 state meanwhile, hung
 * processes, the fatal cap, and a stop that does not restart. Tests wait for the supervisor's
 * events, never for time to pass.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers.js';
import { PrismSupervisor, type SupervisorEvents, type SupervisorOptions } from './supervisor.js';

/** A stand-in upstream: an HTTP server on the given port, with `behaviour` appended to its script. */
const standIn =
  (behaviour = '') =>
  (port: number) => ({
    file: process.execPath,
    args: [
      '-e',
      // Printed before listening (writes to a pipe are synchronous), so it is there when the port opens.
      `console.log('stand-in listening on ${port}');
     const s = require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1');
     process.on('SIGTERM', () => process.exit(0));
     ${behaviour}`,
    ],
  });

const started: PrismSupervisor[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function supervise(options: Partial<SupervisorOptions>): Promise<{ supervisor: PrismSupervisor; logs: string[] }> {
  const logs: string[] = [];
  const supervisor = await PrismSupervisor.start({
    host: '127.0.0.1',
    command: standIn(),
    log: (l) => logs.push(l),
    restart: { initialDelayMs: 20 },
    ...options,
  });
  started.push(supervisor);
  return { supervisor, logs };
}

/** The next `event` of `supervisor`. */
function next<K extends keyof SupervisorEvents>(supervisor: PrismSupervisor, event: K): Promise<SupervisorEvents[K]> {
  return new Promise((resolve) => {
    const off = supervisor.on(event, (e) => {
      off();
      resolve(e);
    });
  });
}

describe('PrismSupervisor', () => {
  it('restarts a process that was killed, logs why with its last output, and is unavailable meanwhile', async () => {
    const { supervisor, logs } = await supervise({});
    const first = supervisor.pid!;
    expect(supervisor.upstream()).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    let during: ReturnType<PrismSupervisor['upstream']> | undefined;
    supervisor.on('restarting', () => (during = supervisor.upstream()));
    const exited = next(supervisor, 'exit');
    const ready = next(supervisor, 'ready');
    process.kill(first, 'SIGKILL');

    expect(await exited).toMatchObject({
      code: null,
      signal: 'SIGKILL',
      expected: false,
      output: expect.stringContaining('stand-in listening'),
    });
    expect(during).toEqual({ unavailable: "The mock's Prism process is restarting", retryAfterSeconds: expect.any(Number) });
    const back = await ready;
    expect(back.restarts).toBe(1);
    expect(supervisor.pid).not.toBe(first);
    expect(supervisor.state).toBe('ready');
    expect(logs[0]).toMatch(
      new RegExp(
        `^identitycall-mock: Prism \\(pid ${first}\\) stopped unexpectedly \\(killed by SIGKILL\\)\\. Its last output:\\n  \\| stand-in listening on \\d+`,
      ),
    );
    expect(logs[1]).toMatch(/^identitycall-mock: restarting Prism in 20 ms \(failure 1 of at most 5 in 60 s\)$/);
  });

  it('logs the exit code of a process that exits on its own', async () => {
    const { supervisor, logs } = await supervise({
      command: standIn(`s.on('request', (q) => { if (q.url === '/die') { console.error('dying on request'); process.exit(3); } });`),
    });
    const exited = next(supervisor, 'exit');
    const ready = next(supervisor, 'ready');
    const url = (supervisor.upstream() as { url: string }).url;
    await fetch(`${url}/die`).catch(() => undefined);
    expect(await exited).toMatchObject({ code: 3, signal: null });
    await ready;
    expect(logs[0]).toContain('stopped unexpectedly (exit code 3)');
    expect(logs[0]).toContain('  | dying on request');
  });

  it('kills and restarts a process that stops answering health checks', async () => {
    const { supervisor, logs } = await supervise({ health: { intervalMs: 100, timeoutMs: 300, failures: 2 } });
    const stuck = supervisor.pid!;
    const unresponsive = next(supervisor, 'unresponsive');
    const ready = next(supervisor, 'ready');
    process.kill(stuck, 'SIGSTOP');
    expect((await unresponsive).reason).toBe('no answer to 2 health checks (each allowed 300 ms)');
    await ready;
    expect(supervisor.pid).not.toBe(stuck);
    expect(logs.join('\n')).toContain(`Prism (pid ${stuck}) stopped answering`);
  });

  it('checks at once when the guard reports a failed request', async () => {
    const { supervisor } = await supervise({ health: { intervalMs: 3_600_000, timeoutMs: 300, failures: 1 } });
    const unresponsive = next(supervisor, 'unresponsive');
    process.kill(supervisor.pid!, 'SIGSTOP');
    supervisor.suspect();
    await unresponsive;
    await next(supervisor, 'ready');
  });

  it('backs off between restarts and gives up with a fatal message when it keeps dying', async () => {
    const { supervisor, logs } = await supervise({
      // Crashes once someone connects (the readiness probe does): started, then dead, whatever the machine's speed.
      command: standIn(`s.on('connection', () => setImmediate(() => { console.error('crashing on purpose'); process.exit(1); }));`),
      restart: { initialDelayMs: 20, maxDelayMs: 1_000, maxRestarts: 3, windowMs: 60_000 },
    });
    const delays: number[] = [];
    supervisor.on('restarting', (e) => delays.push(e.delayMs));
    const fatal = await next(supervisor, 'fatal');
    expect(delays).toEqual([20, 40, 80]);
    expect(fatal.message).toMatch(/^identitycall-mock: Prism failed 4 times within 60 s \(last: Prism exit code 1\); giving up\./);
    expect(supervisor.state).toBe('failed');
    expect(supervisor.upstream()).toEqual({ unavailable: expect.stringMatching(/^Prism keeps crashing and is no longer restarted/) });
    expect(logs.filter((l) => l.includes('crashing on purpose'))).toHaveLength(4);
  });

  it('does not restart a process it stops', async () => {
    const { supervisor } = await supervise({});
    const pid = supervisor.pid!;
    let restarting = false;
    supervisor.on('restarting', () => (restarting = true));
    const exited = next(supervisor, 'exit');
    await supervisor.stop();
    expect(await exited).toMatchObject({ expected: true });
    expect(restarting).toBe(false);
    expect(supervisor.state).toBe('stopped');
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('fails the first start with the output of a process that cannot start', async () => {
    await expect(
      PrismSupervisor.start({
        host: '127.0.0.1',
        command: () => ({ file: process.execPath, args: ['-e', "console.error('cannot read the spec'); process.exit(2)"] }),
      }),
    ).rejects.toThrow(/exited \(code 2\) before listening on .*\n.*cannot read the spec/s);
  });

  it('takes its process along when the parent exits on an uncaught exception', async () => {
    const supervisorModule = new URL('../../dist/prism/supervisor.js', import.meta.url).href;
    const script = `
      const { PrismSupervisor } = await import(${JSON.stringify(supervisorModule)});
      const s = await PrismSupervisor.start({ host: '127.0.0.1', command: (port) => ({ file: process.execPath, args: ['-e', \`require('node:http').createServer().listen(\${port}, '127.0.0.1')\`] }) });
      console.log('PID ' + s.pid);
      throw new Error('the parent crashes');`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    parent.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => parent.once('exit', resolve));
    expect(code).toBe(1);
    const pid = Number(/PID (\d+)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await waitFor(
      'the orphaned process to be gone',
      () => {
        try {
          process.kill(pid, 0);
          return undefined;
        } catch {
          return true;
        }
      },
      30_000,
    );
  });
});
