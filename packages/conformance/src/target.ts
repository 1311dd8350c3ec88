/**
 * Which server a vitest suite checks (the suites of `@identitycall/conformance-suites`, or your
 * own): the Prism mock, the stateful sandbox, or a real deployment given by `IDENTITYCALL_BASE_URL`
 * and `IDENTITYCALL_API_KEY` (with the optional `IDENTITYCALL_READ_ONLY_KEY` and
 * `IDENTITYCALL_PROJECT_KEY`).
 */

/** The kinds of server the suites know how to treat. */
export type TargetKind = 'mock' | 'sandbox' | 'external';

/** A server under test. */
export interface Target {
  kind: TargetKind;
  /** Base URL; the spec's paths go right below it. */
  baseUrl: string;
  /** A key with read, write and delete permissions. */
  apiKey: string;
  /** A key with only the read permission, when there is one. */
  readOnlyKey?: string;
  /** A project-scoped key (read and write), when there is one. */
  projectKey?: string;
  /** Whether the run may purchase a virtual number. */
  allowPurchase?: boolean;
}

/** A well-formed key for the mock, which checks only that a bearer token is present. */
export const MOCK_API_KEY = 'idc_conformancemockkey00000000000000';

/**
 * The external target named by the environment, or undefined when none is set.
 * @throws Error when the base URL is set without a key, or is not an http(s) URL.
 */
export function externalTargetFromEnv(env: Record<string, string | undefined> = process.env): Target | undefined {
  const baseUrl = env.IDENTITYCALL_BASE_URL?.trim();
  if (!baseUrl) return undefined;
  const apiKey = env.IDENTITYCALL_API_KEY?.trim();
  if (!apiKey) {
    throw new Error('IDENTITYCALL_BASE_URL is set but IDENTITYCALL_API_KEY is not: the suites need a key for the target.');
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`IDENTITYCALL_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`IDENTITYCALL_BASE_URL must be http(s), got ${url.protocol}`);
  }
  const optional = (name: string) => env[name]?.trim() || undefined;
  return {
    kind: 'external',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    readOnlyKey: optional('IDENTITYCALL_READ_ONLY_KEY'),
    projectKey: optional('IDENTITYCALL_PROJECT_KEY'),
    allowPurchase: env.IDENTITYCALL_ALLOW_PURCHASE === '1' || env.IDENTITYCALL_ALLOW_PURCHASE === 'true',
  };
}
