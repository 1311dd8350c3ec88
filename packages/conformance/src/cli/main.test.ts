/**
 * The CLI without a real server: usage errors, its usage text, a dry run, the exit status of an
 * incomplete run and of a rejected key, colours. (Runs against the sandbox are tested in
 * `@identitycall/conformance-suites`.)
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCountingServer } from '../../test/helpers.js';
import { EXIT_CODES } from './main.js';

// Each test spawns the CLI against its own server: they run side by side (a spawn mostly waits).
describe.concurrent('identitycall-conformance', () => {
  it.each([
    { name: 'no base URL', argv: ['--api-key', 'idc_k'], message: 'a base URL is required' },
    {
      name: 'a malformed number',
      argv: ['--base-url', 'http://127.0.0.1:1', '--api-key', 'idc_k', '--rate', 'fast'],
      message: '--rate must be a number > 0',
    },
    {
      name: 'an unknown flag',
      argv: ['--base-url', 'http://127.0.0.1:1', '--api-key', 'idc_k', '--bogus'],
      message: "Unknown option '--bogus'",
    },
  ])('exits 2 with a message for $name', async ({ argv, message }) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`identitycall-conformance: ${message}`);
    expect(result.stdout).toBe('');
  });

  it('prints what a dry run would send, and sends nothing', async () => {
    const server = await startCountingServer();
    try {
      const result = await runCli(['--dry-run', '--runs', '1'], {
        IDENTITYCALL_BASE_URL: server.url,
        IDENTITYCALL_API_KEY: 'idc_dryrunsecret',
      });
      expect(result.code).toBe(0);
      expect(server.received).toHaveLength(0);
      expect(result.stdout).toMatch(/^DRY POST \/operators {2}\[Bearer \[api-key\]\] {2}\{"name":/m);
      expect(result.stdout).not.toContain('idc_dryrunsecret');
      expect(result.stdout).toContain('DRY RUN — nothing was checked');
    } finally {
      await server.stop();
    }
  });

  it('prints its usage', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--base-url',
      '--api-key',
      '--read-only-key',
      '--project-key',
      '--seed',
      '--max-requests',
      '--rate',
      '--dry-run',
      '--junit',
      '--json',
    ])
      expect(result.stdout).toContain(flag);
  });

  it('exits 3 for a run that checked almost nothing (--max-requests 1), and says why in every report', async () => {
    const server = await startCountingServer();
    try {
      const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
      const args = [
        '--base-url',
        server.url,
        '--api-key',
        'idc_main',
        '--stateful',
        '--max-requests',
        '1',
        '--json',
        join(dir, 'out.json'),
        '--junit',
        join(dir, 'out.xml'),
      ];
      const result = await runCli(args);
      expect(result.code).toBe(EXIT_CODES.incomplete);
      expect(result.stdout).not.toContain('PASSED');
      expect(result.stdout).toMatch(
        /^Skipped cases by reason:\n {2}NOT CHECKED {2}budget +\d+ {2}the request budget was spent: request budget exhausted \(--max-requests 1\)$/m,
      );
      expect(result.stdout).toMatch(
        /^INCOMPLETE — no check failed, but \d+ case\(s\) were not checked \(budget: \d+\); --allow-incomplete accepts this$/m,
      );
      const json = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as {
        outcome: string;
        passed: boolean;
        skips: Array<{ kind: string; deliberate: boolean; cases: number }>;
      };
      expect(json).toMatchObject({ outcome: 'incomplete', passed: false });
      expect(json.skips[0]).toMatchObject({ kind: 'budget', deliberate: false });
      const xml = await readFile(join(dir, 'out.xml'), 'utf8');
      expect(xml).toContain('<property name="outcome" value="incomplete"/>');
      expect(xml).toContain(`<property name="skipped.not_checked.budget" value="${json.skips[0]!.cases}"/>`);
      expect(xml).toContain('<skipped message="request budget exhausted (--max-requests 1)"/>');

      const accepted = await runCli([...args, '--allow-incomplete']);
      expect(accepted.code).toBe(EXIT_CODES.passed);
      expect(accepted.stdout).toMatch(/^INCOMPLETE \(accepted with --allow-incomplete\) — /m);
    } finally {
      await server.stop();
    }
  });

  it('exits 4 with one message naming the key when the target rejects it, and sends nothing more', async () => {
    const server = await startCountingServer(() => ({ status: 401, body: '{"error":"Invalid API key"}' }));
    try {
      const result = await runCli(['--base-url', server.url, '--api-key', 'idc_mistyped', '--stateful']);
      expect(result.code).toBe(EXIT_CODES.keyRejected);
      expect(result.stderr).toBe('');
      const lines = result.stdout
        .trim()
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('… '));
      expect(lines).toEqual([
        expect.stringMatching(/^IdentityCall conformance /),
        expect.stringMatching(
          /^STOPPED — the target rejected --api-key: GET \/operators answered 401 "Invalid API key"\. Check that the key/,
        ),
      ]);
      expect(result.stdout).not.toContain('idc_mistyped');
      expect(server.received).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it.each<{ name: string; env: Record<string, string>; colored: boolean }>([
    { name: 'no colour in a pipe', env: {}, colored: false },
    { name: 'no colour with NO_COLOR', env: { NO_COLOR: '1' }, colored: false },
    { name: 'colour with FORCE_COLOR, even in a pipe', env: { FORCE_COLOR: '1' }, colored: true },
    { name: 'no colour with FORCE_COLOR=0', env: { FORCE_COLOR: '0' }, colored: false },
  ])('$name', async ({ env, colored }) => {
    const result = await runCli(
      ['--dry-run', '--family', 'examples', '--quiet', '--base-url', 'https://api.example.test/api/v1/public', '--api-key', 'idc_k'],
      env,
    );
    expect(result.code).toBe(EXIT_CODES.passed);
    expect(result.stdout.includes('\x1b[')).toBe(colored);
  });
});
