/**
 * What a case produced: how often each check passed or failed, every failure with the exchange it
 * is about, and how the case ended. A case records into a `CaseRecorder`; the report adds them up.
 */
import type { CheckName, CheckTier } from '../checks/catalogue.js';
import type { Exchange } from './exchange.js';
import type { SkipKind } from './needs.js';

/**
 * The families of cases, in the order a run goes through them; `traffic` is not planned: it holds
 * the exchanges a proxy or a HAR file checked (one case per operation seen).
 */
export const FAMILIES = [
  'setup',
  'examples',
  'generated',
  'negative',
  'auth',
  'methods',
  'prefer',
  'flows',
  'behaviour',
  'permissions',
  'scope',
  'cleanup',
  'traffic',
] as const;

/** A family of cases. */
export type Family = (typeof FAMILIES)[number];

/** How a shrunk failure of a generated request was found, to reproduce it. */
export interface ShrinkInfo {
  /** The seed of the property (derived from the run's `--seed` and the case). */
  seed: number;
  /** fast-check's path to the counterexample. */
  path: string | null;
  /** Shrinking steps from the first failing request to the minimal one. */
  steps: number;
  /** The first failing input, before shrinking. */
  original: unknown;
  /** The minimal failing input. */
  minimal: unknown;
}

/** One failed check. */
export interface FailureDetail {
  check: CheckName;
  message: string;
  operationId?: string;
  exchange?: Exchange;
  shrink?: ShrinkInfo;
}

/** How a case ended. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** What identifies a case and what it is about (a planned case and its result share these). */
export interface CaseInfo {
  /** Stable id, e.g. `negative/updateOperator/body.active:wrong-type`. */
  id: string;
  family: Family;
  title: string;
  tier: CheckTier;
  operationId?: string;
  /** The checks the case is about (its contract checks come on top of these). */
  about: CheckName[];
}

/** The result of one case. */
export interface CaseResult extends CaseInfo {
  outcome: Outcome;
  /** Why the case was skipped. */
  skipReason?: string;
  /** What kind of skip it was (deliberate or not: see `SKIP_KINDS`). */
  skipKind?: SkipKind;
  /** An error that stopped the case (an engine or client bug, not a check failure; or why the run stopped). */
  error?: string;
  /** The case stopped the whole run (a key was rejected): `error` says why, and every later case is skipped. */
  stoppedRun?: boolean;
  /** Times each check was evaluated and passed or failed. */
  checks: Partial<Record<CheckName, { passed: number; failed: number }>>;
  failures: FailureDetail[];
  /** Requests the case sent. */
  requests: number;
  durationMs: number;
  /** Operations the case called through the client (the coverage guard reads these). */
  clientOperations: string[];
}

/** Collects what one case produces. */
export class CaseRecorder {
  readonly checks: CaseResult['checks'] = {};
  readonly failures: FailureDetail[] = [];
  readonly clientOperations: string[] = [];
  requests = 0;
  /** When false (dry run), nothing is recorded. */
  constructor(private readonly enabled = true) {}

  /** Records one evaluation of `check`. */
  record(check: CheckName, passed: boolean, failure?: Omit<FailureDetail, 'check'>): void {
    if (!this.enabled) return;
    const counts = (this.checks[check] ??= { passed: 0, failed: 0 });
    if (passed) counts.passed++;
    else {
      counts.failed++;
      this.failures.push({ check, message: failure?.message ?? 'failed', ...failure });
    }
  }

  /** Whether any check failed so far. */
  get failed(): boolean {
    return this.failures.length > 0;
  }
}
