/**
 * A case: one named unit of a run (a request and its checks, a generated property, a flow across
 * operations, a behaviour), what it needs to run, and the checks it is about. Cases are planned from
 * the spec alone, so the vitest suites can list them before any request is sent.
 */
import type { CaseContext } from './context.js';
import type { FixtureName, Need } from './needs.js';
import type { CaseInfo } from './results.js';

export type { FixtureName, Need } from './needs.js';

/** One case. */
export interface Case extends CaseInfo {
  needs?: Need[];
  /**
   * Fixtures the case uses when setup created them, without needing them to run (it leaves out what
   * would use a missing one): a shard's setup creates these too.
   */
  uses?: FixtureName[];
  /** Against a stateless mock the case is skipped with this reason (a limit of the mock, not the API). */
  mockSkip?: string;
  /** Against a target that keeps state the case is skipped with this reason (it would change real data). */
  statefulSkip?: string;
  /** Operations the case must call through the client (flows; the coverage guard reads these). */
  covers?: string[];
  run(ctx: CaseContext): Promise<void>;
}
