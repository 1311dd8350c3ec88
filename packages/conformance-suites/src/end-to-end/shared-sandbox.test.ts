/**
 * One sandbox shared by many runs, as a team machine or a staging sandbox is: parallel jobs each
 * take a tenant through the `sandbox` project's global setup (IDENTITYCALL_SANDBOX_ADMIN_URL) and
 * all pass without touching each other or the default account; and consecutive runs against one
 * account never use up the numbers for sale, so none is INCOMPLETE for want of one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHumanReport, runConformance, type Target } from '@identitycall/conformance';
import { loadSeedFile } from '@identitycall/sandbox';
import type { TestProject } from 'vitest/node';
import setupSandboxProject from '../setup/sandbox.js';
import { SHARED_SANDBOX_ENV } from '../setup/shared-sandbox.js';
import { sandboxRun, useSandbox } from '../../test/helpers.js';

const ADMIN_TOKEN = 'shared-sandbox-admin-token';
const shared = useSandbox({ adminToken: ADMIN_TOKEN });

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What the default account's full key can list: what the tenants' runs must leave as it was. */
async function defaultAccount(): Promise<unknown[]> {
  const key = shared().keys.find((k) => k.project_id === null && k.permissions.length === 3)!.key;
  const list = async (path: string) =>
    (await (await fetch(`${shared().url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as unknown;
  return Promise.all(['/operators?per_page=100', '/projects', '/virtual_numbers', '/recordings?per_page=100'].map(list));
}

/** One CI job: the project's global setup takes a tenant, the suite runs, the teardown gives it back. */
async function job(seed: number): Promise<{ target: Target; outcome: string; report: string; tenantsDuring: number }> {
  let target: Target | undefined;
  const project = { provide: (_key: 'target', value: Target) => (target = value) } as unknown as TestProject;
  const teardown = await setupSandboxProject(project);
  try {
    // Four engines and the sandbox share this process: a generous per-request limit keeps a busy
    // machine from turning slowness into a failed check.
    const report = await runConformance({ ...target!, stateless: false, seed, runs: 2, timeoutMs: 120_000 });
    return { target: target!, outcome: report.outcome, report: formatHumanReport(report), tenantsDuring: shared().listTenants().length };
  } finally {
    await teardown();
  }
}

describe('a shared sandbox', () => {
  it('parallel jobs each take a tenant, all pass, and leave the default account and no tenant behind', { timeout: 600_000 }, async () => {
    vi.stubEnv(SHARED_SANDBOX_ENV, shared().origin);
    vi.stubEnv('IDENTITYCALL_SANDBOX_ADMIN_TOKEN', ADMIN_TOKEN);
    const before = await defaultAccount();
    const jobs = await Promise.all([1, 2, 3, 4].map(job));
    for (const j of jobs) expect(j.outcome, j.report).toBe('passed');
    // One base URL, four accounts: the keys, not the URL, tell them apart.
    expect(new Set(jobs.map((j) => j.target.baseUrl))).toEqual(new Set([shared().url]));
    expect(new Set(jobs.map((j) => j.target.apiKey)).size).toBe(4);
    expect(jobs.map((j) => j.target.apiKey)).not.toContain(shared().keys[0]!.key);
    expect(Math.max(...jobs.map((j) => j.tenantsDuring))).toBeGreaterThan(1);
    expect(shared().listTenants()).toEqual([]);
    expect(await defaultAccount()).toEqual(before);
  });

  it('12 consecutive runs against one account all pass: the catalogue of numbers never runs out', { timeout: 600_000 }, async () => {
    let purchased = 0;
    for (let run = 0; run < 12; run++) {
      const report = await runConformance(sandboxRun(shared(), { seed: run, runs: 1, timeoutMs: 120_000 }));
      expect(report.outcome, formatHumanReport(report)).toBe('passed');
      expect(report.skips.filter((s) => s.kind === 'catalogue')).toEqual([]);
      purchased += report.leftBehind.filter((r) => r.kind === 'virtual_numbers').length;
    }
    // More numbers were bought than the seed offers: without replenishing, later runs would be INCOMPLETE.
    expect(purchased).toBeGreaterThan(loadSeedFile().available.length);
  });
});
