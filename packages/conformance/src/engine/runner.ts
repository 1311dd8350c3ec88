/**
 * Runs one case: decides whether it can run here (or why it is skipped), gives it a `CaseContext`,
 * and turns what it recorded and how it ended into a `CaseResult`.
 */
import { BudgetExhaustedError, CaseAborted, CaseSkipped } from '../errors.js';
import type { Case } from './case.js';
import { CaseContext } from './context.js';
import { NEED_REASONS } from './needs.js';
import { CaseRecorder, type CaseResult } from './results.js';
import type { Session } from './session.js';

/** Why `c` cannot run now in `session`, or undefined when it can. */
export function skipReason(session: Session, c: Case): string | undefined {
  if (session.stopped && c.family !== 'cleanup') return session.stopped;
  if (session.stateless && c.mockSkip) return c.mockSkip;
  if (session.stateless === false && c.statefulSkip) return c.statefulSkip;
  for (const need of c.needs ?? []) {
    if (need === 'stateful') {
      if (session.stateless) return NEED_REASONS.stateful;
    } else if (need === 'readOnlyKey') {
      if (!session.options.readOnlyKey) return NEED_REASONS.readOnlyKey;
    } else if (need === 'projectKey') {
      if (!session.options.projectKey) return NEED_REASONS.projectKey;
    } else if (need === 'purchase') {
      if (!session.options.allowPurchase) return NEED_REASONS.purchase;
    } else if (session.fixtures[need] === undefined) {
      const problem = session.fixtureProblems[need];
      return `needs a ${need.replace('number', 'virtual number')} created by the run${problem ? `: ${problem}` : ''}`;
    }
  }
  return undefined;
}

/** Runs `c` (the `index`-th case of the plan) and returns its result. */
export async function runCase(session: Session, c: Case, index = 0): Promise<CaseResult> {
  const { options } = session;
  const started = performance.now();
  options.onEvent?.({ type: 'case-start', id: c.id, title: c.title, index });
  const recorder = new CaseRecorder(!options.dryRun);
  const info = { id: c.id, family: c.family, title: c.title, tier: c.tier, operationId: c.operationId, about: c.about };
  const finish = (outcome: CaseResult['outcome'], extra: Partial<CaseResult> = {}): CaseResult => {
    const result: CaseResult = {
      ...info,
      outcome: recorder.failed && outcome !== 'failed' ? 'failed' : outcome,
      checks: recorder.checks,
      failures: recorder.failures,
      requests: recorder.requests,
      durationMs: performance.now() - started,
      clientOperations: recorder.clientOperations,
      ...extra,
    };
    options.onEvent?.({ type: 'case-end', result, index });
    return result;
  };
  const skip = skipReason(session, c);
  if (skip) return finish('skipped', { skipReason: skip });
  const ctx = new CaseContext(session, c, recorder);
  try {
    await c.run(ctx);
    return finish(recorder.failed ? 'failed' : 'passed');
  } catch (e) {
    if (e instanceof CaseSkipped) return finish('skipped', { skipReason: e.message });
    if (e instanceof CaseAborted) return finish('failed');
    if (e instanceof BudgetExhaustedError) {
      session.stopped = e.message;
      return finish('skipped', { skipReason: e.message });
    }
    return finish('failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    session.activeCall = undefined;
  }
}
