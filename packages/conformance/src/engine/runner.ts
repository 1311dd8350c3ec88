/**
 * Runs one case: decides whether it can run here (or why it is skipped, and what kind of skip that
 * is), gives it a `CaseContext`, and turns what it recorded and how it ended into a `CaseResult`.
 */
import { BudgetExhaustedError, CaseAborted, CaseSkipped, KeyRejectedError } from '../errors.js';
import type { Case } from './case.js';
import { CaseContext } from './context.js';
import { NEED_KINDS, NEED_REASONS, type FixtureName, type Need, type Skip } from './needs.js';
import { CaseRecorder, type CaseResult } from './results.js';
import type { Session } from './session.js';

const isFixture = (need: Need): need is FixtureName => !(need in NEED_REASONS);

/**
 * Why `c` cannot run now in `session`, or undefined when it can. Needs the user or the target
 * decide (a key, purchasing, what the target is) are looked at before the resources the setup made.
 */
export function skipReason(session: Session, c: Case): Skip | undefined {
  if (session.stopped && c.family !== 'cleanup') return { reason: session.stopped, kind: session.stoppedKind };
  if (session.stateless && c.mockSkip) return { reason: c.mockSkip, kind: 'mock-target' };
  if (session.stateless === false && c.statefulSkip) return { reason: c.statefulSkip, kind: 'irreversible' };
  const needs = c.needs ?? [];
  for (const need of needs) {
    if (isFixture(need)) continue;
    const missing =
      need === 'stateful'
        ? session.stateless === true
        : need === 'mock'
          ? session.stateless === false
          : need === 'readOnlyKey'
            ? !session.options.readOnlyKey
            : need === 'projectKey'
              ? !session.options.projectKey
              : !session.options.allowPurchase;
    if (missing) return { reason: NEED_REASONS[need], kind: NEED_KINDS[need] };
  }
  for (const need of needs.filter(isFixture)) {
    if (session.fixtures[need] !== undefined) continue;
    const problem = session.fixtureProblems[need];
    return {
      reason: `needs a ${need.replace('number', 'virtual number')} created by the run${problem ? `: ${problem.reason}` : ''}`,
      kind: problem?.kind ?? 'fixture',
    };
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
  if (skip) return finish('skipped', { skipReason: skip.reason, skipKind: skip.kind });
  const ctx = new CaseContext(session, c, recorder);
  try {
    await c.run(ctx);
    return finish(recorder.failed ? 'failed' : 'passed');
  } catch (e) {
    if (e instanceof CaseSkipped) return finish('skipped', { skipReason: e.message, skipKind: e.kind });
    if (e instanceof CaseAborted) return finish('failed');
    if (e instanceof BudgetExhaustedError) {
      session.stop(e.message, 'budget');
      return finish('skipped', { skipReason: e.message, skipKind: 'budget' });
    }
    if (e instanceof KeyRejectedError) {
      // One clear stop instead of a failure in every case that would use the key.
      session.rejectedKey = e.option;
      session.stop(e.message, 'stopped');
      return finish('failed', { error: e.message, stoppedRun: true });
    }
    return finish('failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    session.activeCall = undefined;
  }
}
