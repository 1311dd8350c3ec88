/**
 * Options of a conformance run: one interface with every field documented and defaulted, checked
 * once when the run starts (a bad value is a `UsageError` with a message that says what to fix).
 */
import type { CheckTier } from './checks/catalogue.js';
import type { Exchange } from './engine/exchange.js';
import type { CaseResult, Family } from './engine/results.js';
import { checkShard, type Shard } from './engine/shard.js';
import { UsageError } from './errors.js';

/** Something that happened during a run (for progress display and dry-run printing). */
export type RunEvent =
  | { type: 'plan'; cases: number }
  | { type: 'case-start'; id: string; title: string; index: number }
  | { type: 'case-end'; result: CaseResult; index: number }
  | { type: 'exchange'; exchange: Exchange; dryRun: boolean };

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** Base URL of the API including its base path, e.g. `https://api.identitycall.ai/api/v1/public`. */
  baseUrl: string;
  /** A key with the read, write and delete permissions (account-wide for the full run). */
  apiKey: string;
  /** A key with only the read permission: switches on the 403 checks (`permission_enforcement`). */
  readOnlyKey?: string;
  /** A project-scoped key: switches on the scope checks (`scope_isolation`). */
  projectKey?: string;
  /** Seed of the generated requests; the same seed generates the same requests. @default a random seed (printed) */
  seed?: number;
  /** Generated requests per operation. @default 20 */
  runs?: number;
  /** Most requests to send; the rest is skipped (cleanup of what the run created is always sent). @default unlimited */
  maxRequests?: number;
  /** Most requests per second. @default unlimited */
  rate?: number;
  /** Print what would be sent and send nothing (an in-process responder answers with the spec's examples). @default false */
  dryRun?: boolean;
  /**
   * Let the run purchase a virtual number (the API cannot release one afterwards).
   * @default true for a loopback target (127.0.0.1, ::1, localhost), false otherwise
   */
  allowPurchase?: boolean;
  /**
   * Whether the target keeps no state (a mock): behaviour checks are then skipped with the reason.
   * @default 'auto' — a target that honours Prism's `Prefer: code=` header is a stateless mock
   */
  stateless?: boolean | 'auto';
  /** Time one request may take, in ms; longer is a `not_a_server_error` failure. @default 30000 */
  timeoutMs?: number;
  /** How long to poll an upload until it is processed, in ms. @default 120000 */
  pollTimeoutMs?: number;
  /** Run only these families of cases (setup and cleanup always run). @default all */
  families?: Family[];
  /** Run only these tiers. @default ['contract', 'behaviour'] */
  tiers?: CheckTier[];
  /**
   * Count an incomplete run (cases skipped for lack of budget, fixtures, numbers or time; see
   * `SKIP_KINDS`) as passed: `report.passed` is then true, while `report.outcome` still says
   * `incomplete`. @default false
   */
  allowIncomplete?: boolean;
  /**
   * Run only shard `index` of `count` (1-based) of the cases, for a run split across machines: the
   * split depends only on the plan (spec, `families`, `tiers`) and `runs`, so every machine with the
   * same options computes the same one. Setup and cleanup run in every shard. Merge the shards'
   * JSON reports with `identitycall-conformance merge`. @default the whole run
   */
  shard?: Shard;
  /** The fetch to send requests with. @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** Receives progress events. */
  onEvent?: (event: RunEvent) => void;
}

/** Options with every default applied. */
export type ResolvedOptions = Required<
  Omit<ConformanceOptions, 'readOnlyKey' | 'projectKey' | 'maxRequests' | 'rate' | 'fetch' | 'onEvent' | 'families' | 'shard'>
> &
  Pick<ConformanceOptions, 'readOnlyKey' | 'projectKey' | 'maxRequests' | 'rate' | 'fetch' | 'onEvent' | 'families' | 'shard'>;

/** Default of {@link ConformanceOptions.runs}. */
export const DEFAULT_RUNS = 20;
/** Default of {@link ConformanceOptions.timeoutMs}. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default of {@link ConformanceOptions.pollTimeoutMs}. */
export const DEFAULT_POLL_TIMEOUT_MS = 120_000;

/** Whether `url` names this machine. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function checkKey(name: string, key: string | undefined): void {
  if (key === undefined) return;
  if (key.trim() === '') throw new UsageError(`${name} is empty`);
  if (/\s/.test(key)) throw new UsageError(`${name} contains whitespace; check how it was copied`);
}

function checkNumber(name: string, value: number | undefined, { integer, min }: { integer: boolean; min: number }): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min) {
    throw new UsageError(`${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}, got ${String(value)}`);
  }
}

/**
 * Applies the defaults and checks every option.
 * @throws UsageError naming the option that is wrong and why.
 */
export function resolveOptions(options: ConformanceOptions): ResolvedOptions {
  if (!options.baseUrl) throw new UsageError('a base URL is required (--base-url or IDENTITYCALL_BASE_URL)');
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new UsageError(`the base URL is not a URL: ${JSON.stringify(options.baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`the base URL must be http(s), got ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('the base URL must not have a query or fragment');
  if (!options.apiKey) throw new UsageError('an API key is required (--api-key or IDENTITYCALL_API_KEY)');
  checkKey('the API key', options.apiKey);
  checkKey('the read-only key', options.readOnlyKey);
  checkKey('the project key', options.projectKey);
  for (const [name, other] of [
    ['--read-only-key', options.readOnlyKey],
    ['--project-key', options.projectKey],
  ] as const) {
    if (other !== undefined && other === options.apiKey)
      throw new UsageError(`${name} is the same key as --api-key; pass a key with fewer rights`);
  }
  checkNumber('seed', options.seed, { integer: true, min: -(2 ** 31) });
  checkNumber('runs', options.runs, { integer: true, min: 0 });
  checkNumber('max-requests', options.maxRequests, { integer: true, min: 1 });
  checkNumber('rate', options.rate, { integer: false, min: Number.MIN_VALUE });
  checkNumber('timeout', options.timeoutMs, { integer: false, min: 1 });
  checkNumber('poll-timeout', options.pollTimeoutMs, { integer: false, min: 0 });
  if (options.shard !== undefined) checkShard(options.shard);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  return {
    ...options,
    baseUrl,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    runs: options.runs ?? DEFAULT_RUNS,
    dryRun: options.dryRun ?? false,
    allowPurchase: options.allowPurchase ?? isLoopback(baseUrl),
    stateless: options.stateless ?? 'auto',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    pollTimeoutMs: options.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
    tiers: options.tiers ?? ['contract', 'behaviour'],
    allowIncomplete: options.allowIncomplete ?? false,
  };
}
