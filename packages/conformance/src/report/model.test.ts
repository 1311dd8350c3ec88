/**
 * How a run ends: a run that checked nothing (or less than it was asked to) must not pass. Skips by
 * choice leave a run PASSED; any skip that means "not checked" makes it INCOMPLETE; a failure
 * makes it FAILED; a rejected key stops it.
 */
import { describe, expect, it } from 'vitest';
import { planHash } from '../engine/split.js';
import { specIdentity } from '../engine/spec.js';
import type { CaseResult } from '../engine/results.js';
import type { SkipKind } from '../engine/needs.js';
import { buildReport, type ReportInput, type RunOutcome } from './model.js';

const result = (outcome: CaseResult['outcome'], skipKind?: SkipKind, skipReason = `because ${skipKind}`): CaseResult => ({
  id: `case/${Math.random()}`,
  family: 'examples',
  title: 't',
  tier: 'contract',
  about: ['positive_data_acceptance'],
  outcome,
  ...(outcome === 'skipped' && { skipKind, skipReason }),
  checks: outcome === 'passed' ? { positive_data_acceptance: { passed: 1, failed: 0 } } : {},
  failures: outcome === 'failed' ? [{ check: 'positive_data_acceptance', message: 'refused' }] : [],
  requests: 1,
  durationMs: 1,
  clientOperations: [],
});
const report = (results: CaseResult[], over: Partial<ReportInput> = {}) =>
  buildReport({
    baseUrl: 'http://127.0.0.1:1',
    keepsState: true,
    seed: 1,
    runs: 1,
    dryRun: false,
    startedAt: new Date(),
    durationMs: 10,
    requests: 1,
    results,
    owned: [],
    ...over,
  });

describe('the outcome of a run', () => {
  it.each<{ name: string; results: CaseResult[]; over?: Partial<ReportInput>; outcome: RunOutcome; passed: boolean }>([
    { name: 'everything ran and passed', results: [result('passed'), result('passed')], outcome: 'passed', passed: true },
    {
      name: 'skips by choice only',
      results: [
        result('passed'),
        result('skipped', 'mock-target'),
        result('skipped', 'no-key'),
        result('skipped', 'no-purchase'),
        result('skipped', 'mock-only'),
        result('skipped', 'irreversible'),
        result('skipped', 'option'),
      ],
      outcome: 'passed',
      passed: true,
    },
    { name: 'the budget ran out', results: [result('passed'), result('skipped', 'budget')], outcome: 'incomplete', passed: false },
    { name: 'no number was for sale', results: [result('passed'), result('skipped', 'catalogue')], outcome: 'incomplete', passed: false },
    {
      name: 'a resource could not be created',
      results: [result('passed'), result('skipped', 'fixture')],
      outcome: 'incomplete',
      passed: false,
    },
    {
      name: 'processing did not finish in time',
      results: [result('passed'), result('skipped', 'timeout')],
      outcome: 'incomplete',
      passed: false,
    },
    { name: 'a skip of no known kind', results: [result('passed'), result('skipped', undefined)], outcome: 'incomplete', passed: false },
    {
      name: 'incomplete, accepted',
      results: [result('passed'), result('skipped', 'budget')],
      over: { allowIncomplete: true },
      outcome: 'incomplete',
      passed: true,
    },
    {
      name: 'a failure, with skips',
      results: [result('failed'), result('skipped', 'budget')],
      over: { allowIncomplete: true },
      outcome: 'failed',
      passed: false,
    },
    {
      name: 'a rejected key',
      results: [result('failed'), result('skipped', 'stopped')],
      over: { rejectedKey: '--api-key' },
      outcome: 'key-rejected',
      passed: false,
    },
    {
      name: 'a dry run',
      results: [result('passed'), result('skipped', 'no-purchase')],
      over: { dryRun: true },
      outcome: 'dry-run',
      passed: true,
    },
  ])('$name → $outcome (passed: $passed)', ({ results, over, outcome, passed }) => {
    expect(report(results, over)).toMatchObject({ outcome, passed });
  });

  it('counts skipped cases by kind of reason, those not checked first', () => {
    const r = report([
      result('skipped', 'no-key', 'no key A'),
      result('skipped', 'no-key', 'no key B'),
      result('skipped', 'budget', 'spent'),
      result('passed'),
    ]);
    expect(r.skips).toEqual([
      { kind: 'budget', deliberate: false, label: 'the request budget was spent', cases: 1, reasons: ['spent'] },
      { kind: 'no-key', deliberate: true, label: 'a key was not given', cases: 2, reasons: ['no key A', 'no key B'] },
    ]);
  });

  it('names the plan: by default the spec checked against and the cases reported', () => {
    const r = report([result('passed'), result('skipped', 'no-key', 'no key')]);
    expect(r.plan).toEqual({ spec: specIdentity(), cases: 2, hash: planHash(r.cases) });
    expect(r.plan.spec.hash).toMatch(/^[0-9a-f]{16}$/);
    const given = { spec: { version: '1.2.3', hash: 'abcd' }, cases: 9, hash: 'ef01' };
    expect(report([result('passed')], { plan: given }).plan).toBe(given);
  });
});
