/**
 * A run that checked nothing must not pass, against a real sandbox: a run whose budget ran out and
 * a run against a sandbox with no number for sale (its seed offers none) are INCOMPLETE (exit 3),
 * and a key the sandbox rejects stops the run at once with one message naming it (exit 4), before
 * anything is created.
 */
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, runConformance } from '@identitycall/conformance';
import { loadSeedFile, startSandbox, type Sandbox } from '@identitycall/sandbox';
import { runCli, sandboxKeys, sandboxRun, useSandbox } from '../../test/helpers.js';

const sandbox = useSandbox();

/** What the full key can list: what a rejected run must leave as it was. */
async function snapshot(s: Sandbox) {
  const key = sandboxKeys(s.keys).full;
  const list = async (path: string) =>
    (await (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as unknown;
  return [await list('/operators'), await list('/projects'), await list('/virtual_numbers'), await list('/recordings?per_page=100')];
}

describe('incomplete runs', () => {
  it('--max-requests 1 exits 3 (INCOMPLETE), not 0', async () => {
    const keys = sandboxKeys(sandbox().keys);
    const result = await runCli(['--base-url', sandbox().url, '--api-key', keys.full, '--max-requests', '1']);
    expect(result.code).toBe(EXIT_CODES.incomplete);
    expect(result.stdout).not.toContain('PASSED');
    expect(result.stdout).toMatch(/^INCOMPLETE — no check failed, but \d+ case\(s\) were not checked \(budget: \d+\)/m);
  });

  it('a sandbox without numbers to buy leaves the number cases unchecked: INCOMPLETE, with the reason', async () => {
    // The sandbox's catalogue replenishes after each purchase, so it runs dry only when the seed
    // offers nothing (as a deployment whose provider has no stock would).
    const used = await startSandbox({ port: 0, onError: () => {}, seed: { ...loadSeedFile(), available: [] } });
    try {
      const report = await runConformance(sandboxRun(used, { runs: 1 }));
      expect(report.counts.failed).toBe(0);
      expect(report.outcome).toBe('incomplete');
      const catalogue = report.skips.find((s) => s.kind === 'catalogue')!;
      expect(catalogue).toMatchObject({ deliberate: false });
      expect(catalogue.reasons.join('\n')).toContain('no number is available to purchase');
      const flow = report.cases.find((c) => c.id === 'flows/virtual numbers')!;
      expect([flow.outcome, flow.skipKind]).toEqual(['skipped', 'catalogue']);
      expect(report.cases.filter((c) => c.skipKind === 'catalogue').map((c) => c.id)).toEqual(
        expect.arrayContaining(['examples/getVirtualNumber', 'behaviour/partial-update/virtual-numbers', 'scope/getVirtualNumber']),
      );
    } finally {
      await used.stop();
    }
  });
});

describe('a key the sandbox rejects', () => {
  it.each([
    { option: '--api-key', edit: (k: ReturnType<typeof sandboxKeys>) => ({ ...k, full: 'idc_notAKeyOfThisSandbox000000000000' }) },
    {
      option: '--read-only-key',
      edit: (k: ReturnType<typeof sandboxKeys>) => ({ ...k, readOnly: 'idc_notAKeyOfThisSandbox000000000000' }),
    },
    { option: '--project-key', edit: (k: ReturnType<typeof sandboxKeys>) => ({ ...k, project: 'idc_notAKeyOfThisSandbox000000000000' }) },
  ])('$option: one message naming it, exit 4, nothing created', async ({ option, edit }) => {
    const before = await snapshot(sandbox());
    const keys = edit(sandboxKeys(sandbox().keys));
    const result = await runCli([
      '--base-url',
      sandbox().url,
      '--api-key',
      keys.full,
      '--read-only-key',
      keys.readOnly,
      '--project-key',
      keys.project,
    ]);
    expect(result.code).toBe(EXIT_CODES.keyRejected);
    expect(result.stdout).not.toMatch(/^FAIL /m);
    expect(result.stdout.match(/the target rejected/g)).toHaveLength(1);
    expect(result.stdout).toMatch(new RegExp(`^STOPPED — the target rejected ${option}: GET /operators answered 401`, 'm'));
    expect(await snapshot(sandbox())).toEqual(before);
  });
});
