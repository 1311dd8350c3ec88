/** The CLI without a real server: usage errors, its usage text, a dry run. (Runs against the sandbox are tested in `@identitycall/conformance-suites`.) */
import { describe, expect, it } from 'vitest';
import { runCli, startCountingServer } from '../../test/helpers.js';

describe('identitycall-conformance', () => {
  it.each([
    { name: 'no base URL', argv: ['--api-key', 'idc_k'], message: 'a base URL is required' },
    { name: 'a malformed number', argv: ['--base-url', 'http://127.0.0.1:1', '--api-key', 'idc_k', '--rate', 'fast'], message: '--rate must be a number > 0' },
    { name: 'an unknown flag', argv: ['--base-url', 'http://127.0.0.1:1', '--api-key', 'idc_k', '--bogus'], message: "Unknown option '--bogus'" },
  ])('exits 2 with a message for $name', async ({ argv, message }) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`identitycall-conformance: ${message}`);
    expect(result.stdout).toBe('');
  });

  it('prints what a dry run would send, and sends nothing', async () => {
    const server = await startCountingServer();
    try {
      const result = await runCli(['--dry-run', '--runs', '1'], { IDENTITYCALL_BASE_URL: server.url, IDENTITYCALL_API_KEY: 'idc_dryrunsecret' });
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
    for (const flag of ['--base-url', '--api-key', '--read-only-key', '--project-key', '--seed', '--max-requests', '--rate', '--dry-run', '--junit', '--json']) expect(result.stdout).toContain(flag);
  });
});
