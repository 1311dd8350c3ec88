/**
 * The errors of the conformance engine, as one class tree. A failing check is never an error:
 * checks are results in the report. Errors mean the run itself could not be set up or continued.
 */
import type { SkipKind } from './engine/needs.js';

/** Base class of the engine's errors. */
export class ConformanceError extends Error {
  override readonly name: string = 'ConformanceError';
}

/** Options that cannot work together or are malformed (the CLI exits 2 with this message). */
export class UsageError extends ConformanceError {
  override readonly name = 'UsageError';
}

/** The request budget (`--max-requests`) is spent; the remaining cases are skipped. */
export class BudgetExhaustedError extends ConformanceError {
  override readonly name = 'BudgetExhaustedError';
  constructor(readonly maxRequests: number) {
    super(`request budget exhausted (--max-requests ${maxRequests})`);
  }
}

/**
 * The engine was about to change a resource the run did not create. This is a bug in the engine
 * (every mutating request is checked against the resources the run created), never a server's fault.
 */
export class SafetyError extends ConformanceError {
  override readonly name = 'SafetyError';
}

/** A case stopped early: its failures were recorded and the next steps need what failed. */
export class CaseAborted extends ConformanceError {
  override readonly name = 'CaseAborted';
}

/** A case cannot run here; `message` says why (reported as the skip reason), `kind` what kind of skip it is. */
export class CaseSkipped extends ConformanceError {
  override readonly name = 'CaseSkipped';
  constructor(
    message: string,
    readonly kind: SkipKind = 'other',
  ) {
    super(message);
  }
}

/** A key given to the run was refused by the target (401): nothing can be checked with it. */
export class KeyRejectedError extends ConformanceError {
  override readonly name = 'KeyRejectedError';
  constructor(
    /** The option that gave the key: `--api-key`, `--read-only-key` or `--project-key`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
