/**
 * Another client of the same account (a parallel CI job, another shard of the run, live traffic
 * on staging) writing while a run checks it. Through the run's `fetch` option, a second client
 * makes a change right before chosen requests, so the interference is the same on every machine:
 * checks that compare a resource across reads ignore what the spec marks `x-volatile`, the
 * idempotent upload counts its own project, and the pagination walk walks again until the account
 * holds still, or says it could not check (INCOMPLETE), but never fails on someone else's work,
 * while a server that pages wrongly still fails.
 */
import { describe, expect, it } from 'vitest';
import { formatCaseFailures, runConformance, type ConformanceOptions, type ConformanceReport } from '@identitycall/conformance';
import { startSandbox, type FaultName, type Sandbox } from '@identitycall/sandbox';
import { sandboxKeys } from '../sandbox-keys.js';
import { sandboxRun } from '../../test/helpers.js';

/** A change another client of the account makes, given the request the run is about to send (its body unread). */
type Interference = (request: Request, sandbox: Sandbox) => Promise<void>;

/** Runs `families` against a sandbox of its own while `interfere` acts as a second client. */
async function runBeside(
  interfere: Interference,
  families: ConformanceOptions['families'],
  faults: FaultName[] = [],
): Promise<ConformanceReport> {
  const sandbox = await startSandbox({ port: 0, faults, onError: () => {} });
  try {
    return await runConformance({
      ...sandboxRun(sandbox, { families }),
      fetch: async (request) => {
        await interfere(request, sandbox);
        return fetch(request);
      },
    });
  } finally {
    await sandbox.stop();
  }
}

/** The second client: the account's full key, as another job of the same team would hold it. */
async function asOther(sandbox: Sandbox, method: string, path: string, body?: BodyInit): Promise<void> {
  const headers: Record<string, string> = { authorization: `Bearer ${sandboxKeys(sandbox.keys).full}` };
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  if (!response.ok) throw new Error(`the other client's ${method} ${path} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

let made = 0;
const createOperator = (sandbox: Sandbox) =>
  asOther(sandbox, 'POST', '/operators', JSON.stringify({ name: `Other Client ${++made}`, phone_number: '+15555550177' }));
/** Uploads a recording into the seed's first project (never the run's own). */
async function uploadRecording(sandbox: Sandbox): Promise<void> {
  const projects = await fetch(`${sandbox.url}/projects`, { headers: { authorization: `Bearer ${sandboxKeys(sandbox.keys).full}` } });
  const seeded = ((await projects.json()) as { data: Array<{ id: number }> }).data[0]!.id;
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(2048).fill(0x61)], { type: 'audio/mpeg' }), `other-${++made}.mp3`);
  form.append('name', `Other Client ${made}`);
  form.append('project_id', String(seeded));
  await asOther(sandbox, 'POST', '/recordings', form);
}

const isList = (r: Request) => r.method === 'GET' && new URL(r.url).pathname.endsWith('/recordings');
const caseOf = (report: ConformanceReport, id: string) => {
  const c = report.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id} in the report: ${report.cases.map((x) => x.id).join(', ')}`);
  return c;
};

describe('another client writing to the account during a run', () => {
  it('creating operators between every read of a virtual number: partial_update and the flow still pass', {
    timeout: 600_000,
  }, async () => {
    const report = await runBeside(
      async (request, sandbox) => {
        if (/\/virtual_numbers\/\d+/.test(new URL(request.url).pathname)) await createOperator(sandbox);
      },
      ['behaviour', 'flows'],
    );
    for (const id of ['behaviour/partial-update/virtual-numbers', 'flows/virtual numbers']) {
      const c = caseOf(report, id);
      expect(c.outcome, formatCaseFailures(c)).toBe('passed');
    }
    expect(report.outcome, report.cases.map((c) => formatCaseFailures(c)).join('\n')).toBe('passed');
  });

  it('uploading before every request of the idempotent upload case: it counts its own project and passes', {
    timeout: 600_000,
  }, async () => {
    const report = await runBeside(
      async (request, sandbox) => {
        if (!isList(request)) await uploadRecording(sandbox);
      },
      ['behaviour'],
    );
    const c = caseOf(report, 'behaviour/idempotent-upload');
    expect(c.outcome, formatCaseFailures(c)).toBe('passed');
  });

  it('uploading once during the pagination walk: the walk is walked again and checked', { timeout: 600_000 }, async () => {
    let once = false;
    const report = await runBeside(
      async (request, sandbox) => {
        if (isList(request) && new URL(request.url).searchParams.get('page') === '2' && !once) {
          once = true;
          await uploadRecording(sandbox);
        }
      },
      ['behaviour'],
    );
    expect(once).toBe(true);
    const c = caseOf(report, 'behaviour/pagination-walk');
    expect(c.outcome, formatCaseFailures(c)).toBe('passed');
    expect(c.checks.pagination_walk?.passed).toBeGreaterThan(0);
  });

  it('uploading before every page: the walk is INCOMPLETE (contention), with the reason, not failed', { timeout: 600_000 }, async () => {
    const report = await runBeside(
      async (request, sandbox) => {
        if (isList(request)) await uploadRecording(sandbox);
      },
      ['behaviour'],
    );
    const c = caseOf(report, 'behaviour/pagination-walk');
    expect(c.outcome, formatCaseFailures(c)).toBe('skipped');
    expect(c.skipKind).toBe('contention');
    expect(c.skipReason).toMatch(/changed during each of 4 walks \(another client is creating or deleting them\)/);
    expect(report.outcome).toBe('incomplete');
  });

  it('a server that pages wrongly fails the walk when no one else writes, and is never PASSED when someone does', {
    timeout: 600_000,
  }, async () => {
    const quiet = await runBeside(async () => {}, ['behaviour'], ['pagination-meta-off-by-one']);
    const walk = caseOf(quiet, 'behaviour/pagination-walk');
    expect(walk.outcome).toBe('failed');
    expect(walk.failures.map((f) => f.check)).toContain('pagination_walk');
    const busy = await runBeside(
      async (request, sandbox) => {
        if (isList(request)) await uploadRecording(sandbox);
      },
      ['behaviour'],
      ['pagination-meta-off-by-one'],
    );
    expect(caseOf(busy, 'behaviour/pagination-walk').outcome).not.toBe('passed');
    expect(busy.outcome).not.toBe('passed');
  });
});
