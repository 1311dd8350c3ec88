/**
 * What a case may need before it can run — a key, a target that keeps state, permission to buy a
 * number, a resource the setup created — and why it is skipped when the need is not met.
 */

/** Resources the setup case creates for the others (all owned by the run). */
export type FixtureName = 'project' | 'operator' | 'number' | 'recording';

/** What a case needs; missing needs make it skip with a reason. */
export type Need = 'stateful' | 'readOnlyKey' | 'projectKey' | 'purchase' | FixtureName;

/** Why a case is skipped when a need other than a fixture is missing. */
export const NEED_REASONS: Record<Exclude<Need, FixtureName>, string> = {
  stateful:
    'the target is a stateless mock (it answers every request from the spec\'s examples), so behaviour cannot be observed; run against the sandbox or a deployment',
  readOnlyKey: 'needs a key with only the read permission (--read-only-key)',
  projectKey: 'needs a project-scoped key (--project-key)',
  purchase:
    'purchasing rents a phone number and the API has no operation to release it; pass --allow-purchase (on by default for loopback targets such as the sandbox)',
};
