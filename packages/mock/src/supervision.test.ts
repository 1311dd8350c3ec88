/**
 * A real Prism killed under the mock: the guard answers 503 in the envelope with Retry-After while
 * Prism restarts, logs why it died, and serves again once it is back. Waits are for the
 * supervisor's events and a poll for the first 200, never a fixed sleep.
 */
import { getOperation, loadSpec } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { AUTH, useMock, waitFor } from '../test/helpers.js';

const logs: string[] = [];
const mock = useMock({ log: (line) => logs.push(line) });
const operator42 = getOperation(loadSpec(), 'getOperator').path.replace('{id}', '42');

describe('supervision', () => {
  it('answers 503 with Retry-After while a killed Prism restarts, then serves again', async () => {
    const m = mock();
    const pid = m.prism.pid!;
    expect(pid).toBeGreaterThan(0);
    const exited = new Promise((resolve) => {
      const off = m.prism.on('exit', (e) => {
        off();
        resolve(e);
      });
    });
    const ready = new Promise((resolve) => {
      const off = m.prism.on('ready', (e) => {
        off();
        resolve(e);
      });
    });
    process.kill(pid, 'SIGKILL');
    expect(await exited).toMatchObject({ signal: 'SIGKILL', expected: false });

    const during = await fetch(`${m.url}${operator42}`, { headers: AUTH });
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await during.json()) as { error: string }).error).toMatch(/^The mock's Prism process is restarting; retry in \d+ s$/);

    await ready;
    const after = await waitFor('a 200 after the restart', async () => {
      const res = await fetch(`${m.url}${operator42}`, { headers: AUTH });
      return res.status === 200 ? res : undefined;
    });
    expect(((await after.json()) as { data: { id: number } }).data.id).toBe(42);
    expect(m.prism.pid).not.toBe(pid);
    expect(m.prism.restarts).toBe(1);
    expect(logs[0]).toContain(`Prism (pid ${pid}) stopped unexpectedly (killed by SIGKILL)`);
  });
});
