/**
 * Why a case is skipped, and whether that was a choice: the target, a key not given, purchasing
 * not allowed and --runs 0 are choices; a spent budget, a resource setup could not create, no
 * number for sale, time running out and an interrupted run mean the case was not checked.
 */
import { describe, expect, it } from 'vitest';
import { resolveOptions, type ConformanceOptions } from '../options.js';
import type { Case } from './case.js';
import { NEED_REASONS, SKIP_KINDS, type Skip } from './needs.js';
import { skipReason } from './runner.js';
import { Session } from './session.js';

const session = (options: Partial<ConformanceOptions> = {}, edit: (s: Session) => void = () => {}) => {
  const s = new Session(
    resolveOptions({
      baseUrl: 'http://127.0.0.1:1/api/v1/public',
      apiKey: 'idc_main',
      readOnlyKey: 'idc_ro',
      projectKey: 'idc_pk',
      ...options,
    }),
  );
  edit(s);
  return s;
};
const kase = (over: Partial<Case>): Case => ({
  id: 'x',
  family: 'behaviour',
  title: 'x',
  tier: 'behaviour',
  about: [],
  run: async () => {},
  ...over,
});

describe('skipReason', () => {
  it.each<{ name: string; s: Session; c: Case; skip: Skip | undefined }>([
    {
      name: 'a case with what it needs runs',
      s: session({ stateless: false }, (s) => (s.fixtures.project = 1)),
      c: kase({ needs: ['stateful', 'project'] }),
      skip: undefined,
    },
    {
      name: 'behaviour against a stateless mock',
      s: session({ stateless: true }),
      c: kase({ needs: ['stateful'] }),
      skip: { reason: NEED_REASONS.stateful, kind: 'mock-target' },
    },
    {
      name: 'a limit of the mock',
      s: session({ stateless: true }),
      c: kase({ mockSkip: 'the mock cannot' }),
      skip: { reason: 'the mock cannot', kind: 'mock-target' },
    },
    {
      name: "the mock's Prefer against a real target",
      s: session({ stateless: false }),
      c: kase({ needs: ['mock'] }),
      skip: { reason: NEED_REASONS.mock, kind: 'mock-only' },
    },
    {
      name: 'a change that cannot be undone, on a real target',
      s: session({ stateless: false }),
      c: kase({ statefulSkip: 'cannot be undone' }),
      skip: { reason: 'cannot be undone', kind: 'irreversible' },
    },
    {
      name: 'no read-only key',
      s: session({ readOnlyKey: undefined }),
      c: kase({ needs: ['readOnlyKey'] }),
      skip: { reason: NEED_REASONS.readOnlyKey, kind: 'no-key' },
    },
    {
      name: 'no project key',
      s: session({ projectKey: undefined }),
      c: kase({ needs: ['projectKey'] }),
      skip: { reason: NEED_REASONS.projectKey, kind: 'no-key' },
    },
    {
      name: 'purchasing not allowed, before the number it would have bought',
      s: session(
        { allowPurchase: false },
        (s) => (s.fixtureProblems.number = { reason: 'purchasing is not allowed (--allow-purchase)', kind: 'no-purchase' }),
      ),
      c: kase({ needs: ['number', 'purchase'] }),
      skip: { reason: NEED_REASONS.purchase, kind: 'no-purchase' },
    },
    {
      name: 'no number for sale',
      s: session(
        { allowPurchase: true },
        (s) => (s.fixtureProblems.number = { reason: 'no number is available to purchase', kind: 'catalogue' }),
      ),
      c: kase({ needs: ['number', 'purchase'] }),
      skip: { reason: 'needs a virtual number created by the run: no number is available to purchase', kind: 'catalogue' },
    },
    {
      name: 'a resource setup could not create',
      s: session(
        {},
        (s) => (s.fixtureProblems.project = { reason: 'the create request was refused (see the setup case)', kind: 'fixture' }),
      ),
      c: kase({ needs: ['project'] }),
      skip: { reason: 'needs a project created by the run: the create request was refused (see the setup case)', kind: 'fixture' },
    },
    {
      name: 'a spent budget',
      s: session({}, (s) => s.stop('request budget exhausted (--max-requests 1)', 'budget')),
      c: kase({}),
      skip: { reason: 'request budget exhausted (--max-requests 1)', kind: 'budget' },
    },
    {
      name: 'Ctrl-C',
      s: session({}, (s) => s.stop('interrupted (Ctrl-C)', 'interrupted')),
      c: kase({}),
      skip: { reason: 'interrupted (Ctrl-C)', kind: 'interrupted' },
    },
    {
      name: 'cleanup after a stop',
      s: session({}, (s) => s.stop('request budget exhausted (--max-requests 1)', 'budget')),
      c: kase({ family: 'cleanup' }),
      skip: undefined,
    },
  ])('$name', ({ s, c, skip }) => {
    expect(skipReason(s, c)).toEqual(skip);
  });

  it('classifies every kind as deliberate or not checked', () => {
    const notChecked = Object.entries(SKIP_KINDS)
      .filter(([, k]) => !k.deliberate)
      .map(([kind]) => kind);
    expect(notChecked.sort()).toEqual([
      'budget',
      'catalogue',
      'contention',
      'fixture',
      'interrupted',
      'missing-shard',
      'no-traffic',
      'other',
      'stopped',
      'timeout',
    ]);
  });
});
