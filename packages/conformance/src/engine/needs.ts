/**
 * What a case may need before it can run — a key, a target that keeps state, permission to buy a
 * number, a resource the setup created — and why it is skipped when a need is not met, by kind.
 * Some kinds are deliberate (the user's choice, or what the target is); the others mean the run
 * did not check what it was asked to, and make it INCOMPLETE rather than PASSED.
 */

/** Resources the setup case creates for the others (all owned by the run). */
export type FixtureName = 'project' | 'operator' | 'number' | 'recording';

/** What a case needs; missing needs make it skip with a reason. */
export type Need = 'stateful' | 'mock' | 'readOnlyKey' | 'projectKey' | 'purchase' | FixtureName;

/** Every kind of skip, whether it is deliberate, and a short label for reports. */
export const SKIP_KINDS = {
  'mock-target': { deliberate: true, label: 'the target is a stateless mock' },
  'mock-only': { deliberate: true, label: 'only a mock can be asked for it' },
  irreversible: { deliberate: true, label: 'would change the target for good' },
  'no-key': { deliberate: true, label: 'a key was not given' },
  'no-purchase': { deliberate: true, label: 'purchasing is not allowed' },
  option: { deliberate: true, label: 'turned off by an option' },
  budget: { deliberate: false, label: 'the request budget was spent' },
  fixture: { deliberate: false, label: 'setup could not create what it needs' },
  catalogue: { deliberate: false, label: 'no virtual number to buy' },
  timeout: { deliberate: false, label: 'did not finish in time' },
  interrupted: { deliberate: false, label: 'the run was interrupted' },
  stopped: { deliberate: false, label: 'the run stopped' },
  'missing-shard': { deliberate: false, label: "its shard's report was not merged" },
  contention: { deliberate: false, label: 'another client kept changing what it checks' },
  other: { deliberate: false, label: 'not checked' },
  'outside-api': { deliberate: true, label: 'not a request to the API' },
  'no-traffic': { deliberate: false, label: 'no exchange with the API was seen' },
} as const satisfies Record<string, { deliberate: boolean; label: string }>;

/** A kind of skip (see {@link SKIP_KINDS}). */
export type SkipKind = keyof typeof SKIP_KINDS;

/** Why a case is skipped, and of which kind. */
export interface Skip {
  reason: string;
  kind: SkipKind;
}

/** Why a case is skipped when a need other than a fixture is missing. */
export const NEED_REASONS: Record<Exclude<Need, FixtureName>, string> = {
  stateful:
    "the target is a stateless mock (it answers every request from the spec's examples), so behaviour cannot be observed; run against the sandbox or a deployment",
  mock: '`Prefer: code=` is a feature of the mock (Prism); on other targets the other families provoke the error answers (a 429 only if the server rate-limits the run)',
  readOnlyKey: 'needs a key with only the read permission (--read-only-key)',
  projectKey: 'needs a project-scoped key (--project-key)',
  purchase:
    'purchasing rents a phone number and the API has no operation to release it; pass --allow-purchase (on by default for loopback targets such as the sandbox)',
};

/** The kind of skip each missing need (other than a fixture) is. */
export const NEED_KINDS: Record<Exclude<Need, FixtureName>, SkipKind> = {
  stateful: 'mock-target',
  mock: 'mock-only',
  readOnlyKey: 'no-key',
  projectKey: 'no-key',
  purchase: 'no-purchase',
};
