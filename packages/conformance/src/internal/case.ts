/**
 * A case: one named unit of a run (a request and its checks, a generated property, a flow across
 * operations, a behaviour), what it needs to run, and the checks it is about. Cases are planned from
 * the spec alone, so the vitest suites can list them before any request is sent.
 */
import type { CheckName, CheckTier } from '../checks.js';
import type { CaseContext } from './context.js';
import type { Family } from './results.js';

/** Resources the setup case creates for the others (all owned by the run). */
export type FixtureName = 'project' | 'operator' | 'number' | 'recording';

/** What a case needs; missing needs make it skip with a reason. */
export type Need = 'stateful' | 'readOnlyKey' | 'projectKey' | 'purchase' | FixtureName;

/** One case. */
export interface Case {
  /** Stable id, e.g. `negative/updateOperator/body.active:wrong-type`. */
  id: string;
  family: Family;
  title: string;
  tier: CheckTier;
  operationId?: string;
  /** The checks the case is about (its contract checks come on top of these). */
  about: CheckName[];
  needs?: Need[];
  /** Against a stateless mock the case is skipped with this reason (a limit of the mock, not the API). */
  mockSkip?: string;
  /** Against a target that keeps state the case is skipped with this reason (it would change real data). */
  statefulSkip?: string;
  /** Operations the case must call through the client (flows; the coverage guard reads these). */
  covers?: string[];
  run(ctx: CaseContext): Promise<void>;
}

/** Why a case is skipped when a need is missing. */
export const NEED_REASONS: Record<Exclude<Need, FixtureName>, string> = {
  stateful:
    'the target is a stateless mock (it answers every request from the spec\'s examples), so behaviour cannot be observed; run against the sandbox or a deployment',
  readOnlyKey: 'needs a key with only the read permission (--read-only-key)',
  projectKey: 'needs a project-scoped key (--project-key)',
  purchase:
    'purchasing rents a phone number and the API has no operation to release it; pass --allow-purchase (on by default for loopback targets such as the sandbox)',
};
