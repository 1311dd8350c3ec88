/** The CLI end to end against sandboxes: exit codes, reports on disk, plain progress lines without a terminal. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@identitycall/sandbox';
import { runCli, sandboxKeys, useSandbox } from '../../test/helpers.js';

const sandbox = useSandbox();
let faulty: Sandbox;
beforeAll(async () => {
  faulty = await startSandbox({ port: 0, faults: ['partial-update-overwrites'], onError: () => {} });
});
afterAll(() => faulty.stop());

const args = (s: Sandbox) => {
  const keys = sandboxKeys(s.keys);
  return [
    '--base-url',
    s.url,
    '--api-key',
    keys.full,
    '--read-only-key',
    keys.readOnly,
    '--project-key',
    keys.project,
    '--runs',
    '3',
    '--seed',
    '5',
  ];
};

describe('identitycall-conformance', () => {
  it('exits 0 against a correct server and writes the JUnit and JSON reports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
    const result = await runCli([...args(sandbox()), '--junit', join(dir, 'reports/out.xml'), '--json', join(dir, 'reports/out.json')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PASSED — every check passed');
    expect(result.stdout).toMatch(/Requests: \d+ in [\d.]+ m?s — \d+ requests\/s/);
    // No terminal: plain lines, no bar redrawn with carriage returns.
    expect(result.stdout).not.toContain('\r');
    expect(result.stdout).toContain('… negative\n');
    const json = JSON.parse(await readFile(join(dir, 'reports/out.json'), 'utf8')) as { passed: boolean; requests: number };
    expect(json).toMatchObject({ passed: true });
    expect(await readFile(join(dir, 'reports/out.xml'), 'utf8')).toMatch(
      /^<\?xml[\s\S]*<testsuites name="identitycall-conformance" tests="\d+" failures="0"/,
    );
    expect(result.stdout).not.toContain(sandboxKeys(sandbox().keys).full);
  });

  it('exits 1 against a wrong server, naming the failed check and showing the exchange', async () => {
    const result = await runCli(args(faulty));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL behaviour\/partial-update\/operators \(partial_update\)/);
    expect(result.stdout).toMatch(/partial_update — behaviour\/partial-update\/operators\n\s+PATCH \{"active": false\} answered: expected/);
    expect(result.stdout).toMatch(/→ PATCH http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/operators\/\d+/);
  });
});
