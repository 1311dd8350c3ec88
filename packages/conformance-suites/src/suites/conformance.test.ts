/**
 * The engine's cases as vitest tests, against the target of the project (mock, sandbox or an
 * external deployment): one test per case, grouped by family. A case skipped by choice (the
 * behaviour tier against the stateless mock, a key not given) is reported as skipped with the
 * engine's reason; a case that was not checked (no budget, no resource, no number for sale) fails,
 * as an INCOMPLETE run must not pass.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRun, formatCaseFailures, SKIP_KINDS, type Case } from '@identitycall/conformance';
import '../setup/provide.js';

const target = inject('target');
const run = createRun({
  baseUrl: target.baseUrl,
  apiKey: target.apiKey,
  readOnlyKey: target.readOnlyKey,
  projectKey: target.projectKey,
  allowPurchase: target.allowPurchase,
  stateless: target.kind === 'mock' ? true : target.kind === 'sandbox' ? false : 'auto',
  seed: Number(process.env.IDENTITYCALL_SEED ?? 20_260_430),
  runs: Number(process.env.IDENTITYCALL_RUNS ?? 10),
});
afterAll(() => run.cleanup());

const BEHAVIOUR = new Set(['behaviour', 'permissions', 'scope']);
const families = [...new Set(run.cases.map((c) => c.family))];

describe(`conformance of the ${target.kind} (${target.baseUrl})`, () => {
  for (const family of families) {
    const title = BEHAVIOUR.has(family) ? `behaviour tier: ${family}` : `contract tier: ${family}`;
    describe(title, () => {
      it.for(run.cases.filter((c) => c.family === family))('$id', async (c: Case, ctx) => {
        const result = await run.runCase(c);
        if (result.outcome === 'skipped') {
          const kind = result.skipKind ?? 'other';
          // After the run stopped (a rejected key, a target that does not answer) the case that stopped
          // it has failed with the reason; the rest are skipped rather than failing one by one.
          if (kind !== 'stopped') expect(SKIP_KINDS[kind].deliberate, `${c.id} was not checked (${kind}): ${result.skipReason}`).toBe(true);
          ctx.skip(result.skipReason);
        }
        expect(formatCaseFailures(result)).toBe('');
        // The coverage guard, live: a flow must call every operation it covers through the client.
        for (const operationId of c.covers ?? [])
          expect(result.clientOperations, `${c.id} did not call ${operationId}`).toContain(operationId);
      });
    });
  }
});
