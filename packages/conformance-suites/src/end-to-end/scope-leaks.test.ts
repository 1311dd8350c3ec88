/**
 * A scope leak on any one operation fails the run. For every operation the scope family sends
 * with the project key — every operation with a path id among them, which the spec decides — a
 * sandbox is started with that one handler running unscoped (`scope-leak:<operationId>`), and the
 * scope family alone must fail `scope_isolation` on that operation's case. A correct sandbox
 * passes the same run, so each failure is the leak's.
 */
import { listOperations, loadSpec } from '@identitycall/openapi';
import { createRun, runConformance } from '@identitycall/conformance';
import type { FaultName } from '@identitycall/sandbox';
import { describe, expect, it } from 'vitest';
import { runWithFault, sandboxRun, useSandbox } from '../../test/helpers.js';

const operations = listOperations(loadSpec());
const sandbox = useSandbox();

/** The operations the scope family sends with the project key, each under its own case `scope/<operationId>`. */
const scoped = createRun({ baseUrl: 'http://127.0.0.1:9', apiKey: 'idc_plan', projectKey: 'idc_plan_project', families: ['scope'] })
  .cases.filter((c) => c.family === 'scope')
  .map((c) => c.operationId!);

describe('the scope family against a sandbox', () => {
  it('sends every operation with a path id with the project key', () => {
    expect(scoped).toEqual(expect.arrayContaining(operations.filter((op) => op.path.includes('{')).map((op) => op.operationId)));
    expect(new Set(scoped).size).toBe(scoped.length);
  });

  it('passes against a correct sandbox', async () => {
    const report = await runConformance(sandboxRun(sandbox(), { families: ['scope'] }));
    expect(report.cases.flatMap((c) => c.failures.map((f) => `${c.id}: ${f.message}`))).toEqual([]);
    expect(report.outcome).toBe('passed');
    expect(report.cases.filter((c) => c.id.startsWith('scope/') && c.outcome === 'passed')).toHaveLength(scoped.length);
  });

  it.each(scoped)('fails scope_isolation on scope/%s when that one operation leaks', async (operationId) => {
    const report = await runWithFault(`scope-leak:${operationId}` as FaultName, { families: ['scope'] });
    expect(report.outcome).toBe('failed');
    const caught = report.cases.filter((c) => c.failures.some((f) => f.check === 'scope_isolation')).map((c) => c.id);
    expect(caught).toContain(`scope/${operationId}`);
  });
});
