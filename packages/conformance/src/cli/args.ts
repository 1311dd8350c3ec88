/**
 * The command line of `identitycall-conformance`: flags (and the environment variables CI
 * secrets arrive in) turned into run options and report destinations. Any mistake is a
 * `UsageError` with a message that says what to fix (the CLI exits 2).
 */
import { parseArgs } from 'node:util';
import { CHECK_TIERS, type CheckTier } from '../checks/catalogue.js';
import { FAMILIES, type Family } from '../engine/results.js';
import { parseShard } from '../engine/shard.js';
import { UsageError } from '../errors.js';
import type { ConformanceOptions } from '../options.js';

/** The usage text. */
export const USAGE = `Usage: identitycall-conformance --base-url <url> --api-key <key> [options]
       identitycall-conformance merge <report.json>... [merge options]  (see merge --help)

Checks a deployment of the IdentityCall API (or the mock, or the sandbox) against the spec.

Target and keys (environment variables in brackets):
  --base-url <url>        API base URL, with its base path  [IDENTITYCALL_BASE_URL]
  --api-key <key>         key with read, write and delete   [IDENTITYCALL_API_KEY]
  --read-only-key <key>   key with only read: switches on the 403 checks  [IDENTITYCALL_READ_ONLY_KEY]
  --project-key <key>     project-scoped key with read and write: switches on
                          the scope (404) checks              [IDENTITYCALL_PROJECT_KEY]

Generation:
  --seed <n>              seed of the generated requests (default: random, printed)
  --runs <n>              generated requests per operation (default 20; 0 turns them off)

Safety:
  --max-requests <n>      send at most n requests; the rest is skipped (cleanup still runs)
  --rate <n>              at most n requests per second
  --dry-run               print every request that would be sent; send nothing
  --allow-purchase        let the run buy a virtual number (it cannot be released)
  --no-purchase           never buy one (default off for remote targets, on for loopback)
  --stateless | --stateful
                          say whether the target keeps state (default: detected; a
                          target that honours Prism's Prefer: code= is a stateless mock)
  --timeout <ms>          time one request may take (default 30000)
  --poll-timeout <ms>     time an upload may take to be processed (default 120000)

Selection:
  --family <name>         run only this family of cases (repeatable):
                          ${FAMILIES.filter((f) => f !== 'setup' && f !== 'cleanup' && f !== 'traffic').join(', ')}
  --tier <tier>           run only this tier: contract or behaviour
  --shard <i>/<n>         run only shard i of n (1-based), one per CI machine; the
                          split depends only on the spec, --family, --tier and --runs.
                          Merge the shards' --json reports with \`merge\`

Verdict:
  --allow-incomplete      exit 0 even when cases were not checked for lack of
                          budget, resources, numbers to buy or time (INCOMPLETE)

Reports:
  --junit <file>          write a JUnit XML report
  --json <file>           write a JSON report
  --html <file>           write a self-contained HTML report (loads nothing)
  --quiet                 no progress output (the summary is still printed)
  --no-color              no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them;
                          without either, colours only on a terminal)

  -h, --help              show this help
  -V, --version           show the version

Exit status: 0 passed, 1 a check failed (or the target did not answer),
2 usage error, 3 INCOMPLETE (no check failed, but cases were not checked),
4 the target rejected a key (nothing was checked).

Checking your own traffic instead: identitycall-conformance proxy --help (a validating
proxy) and identitycall-conformance har --help (a recorded HAR file).
`;

/** What the command line asks for. */
export interface CliRequest {
  options: ConformanceOptions;
  junit?: string;
  json?: string;
  html?: string;
  quiet: boolean;
  color: boolean;
  help: boolean;
  version: boolean;
}

/** A whole-number flag of at least `min`, or undefined when it was not given. */
export function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${value}"`);
  return Number(value);
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number > 0, got "${value}"`);
  return n;
}

/**
 * Parses `argv` (without the node and script paths) with `env` as the fallback for keys and URL.
 * @throws UsageError for unknown flags, missing values, malformed numbers or conflicting flags.
 */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined> = {}): CliRequest {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        'read-only-key': { type: 'string' },
        'project-key': { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        'max-requests': { type: 'string' },
        rate: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'allow-purchase': { type: 'boolean' },
        'no-purchase': { type: 'boolean' },
        stateless: { type: 'boolean' },
        stateful: { type: 'boolean' },
        timeout: { type: 'string' },
        'poll-timeout': { type: 'string' },
        family: { type: 'string', multiple: true },
        tier: { type: 'string', multiple: true },
        junit: { type: 'string' },
        json: { type: 'string' },
        ...SHARD_FLAGS,
        quiet: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'allow-incomplete': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const help = values.help === true;
  const version = values.version === true;
  const str = (name: string) => values[name] as string | undefined;
  if (values['allow-purchase'] && values['no-purchase']) throw new UsageError('--allow-purchase and --no-purchase contradict each other');
  if (values.stateless && values.stateful) throw new UsageError('--stateless and --stateful contradict each other');
  const families = (values.family as string[] | undefined)?.map((f) => {
    if (!(FAMILIES as readonly string[]).includes(f) || f === 'traffic')
      throw new UsageError(`--family: unknown family "${f}" (known: ${FAMILIES.join(', ')})`);
    return f as Family;
  });
  const tiers = (values.tier as string[] | undefined)?.map((t) => {
    if (!(CHECK_TIERS as readonly string[]).includes(t)) throw new UsageError(`--tier: expected contract or behaviour, got "${t}"`);
    return t as CheckTier;
  });
  const options: ConformanceOptions = {
    baseUrl: str('base-url') ?? env.IDENTITYCALL_BASE_URL ?? '',
    apiKey: str('api-key') ?? env.IDENTITYCALL_API_KEY ?? '',
    readOnlyKey: str('read-only-key') ?? (env.IDENTITYCALL_READ_ONLY_KEY || undefined),
    projectKey: str('project-key') ?? (env.IDENTITYCALL_PROJECT_KEY || undefined),
    seed: integer('--seed', str('seed'), -(2 ** 31)),
    runs: integer('--runs', str('runs'), 0),
    maxRequests: integer('--max-requests', str('max-requests'), 1),
    rate: positive('--rate', str('rate')),
    dryRun: values['dry-run'] === true,
    allowPurchase: values['allow-purchase'] ? true : values['no-purchase'] ? false : undefined,
    stateless: values.stateless ? true : values.stateful ? false : 'auto',
    timeoutMs: positive('--timeout', str('timeout')),
    pollTimeoutMs: integer('--poll-timeout', str('poll-timeout'), 0),
    families,
    tiers,
    allowIncomplete: values['allow-incomplete'] === true,
    ...shardOptions(str('shard')),
  };
  for (const [flag, file] of [
    ['--junit', str('junit')],
    ['--json', str('json')],
    ['--html', str('html')],
  ] as const) {
    if (file !== undefined && file.trim() === '') throw new UsageError(`${flag} needs a file name`);
  }
  return {
    options,
    junit: str('junit'),
    json: str('json'),
    html: str('html'),
    quiet: values.quiet === true,
    color: values['no-color'] !== true,
    help,
    version,
  };
}

/** The flags of sharding and the HTML report (shared by a run and `merge`). */
const SHARD_FLAGS = {
  shard: { type: 'string' },
  html: { type: 'string' },
} as const;

/** `--shard i/n` as run options. @throws UsageError for anything but `i/n` with 1 ≤ i ≤ n. */
function shardOptions(value: string | undefined): Pick<ConformanceOptions, 'shard'> {
  return value === undefined ? {} : { shard: parseShard(value) };
}

/** The usage text of `merge`. */
export const MERGE_USAGE = `Usage: identitycall-conformance merge <report.json>... [options]

Combines the JSON reports of the shards of one run (--shard i/n, --json) into one
report with the verdict a single run would give, and exits like that run would.
Refuses reports of different runs (seed, spec, plan, target, tool version, runs,
shard count), a shard given twice, and a missing shard (unless --allow-missing).

Options:
  --json <file>           write the merged JSON report
  --junit <file>          write the merged JUnit XML report
  --html <file>           write the merged self-contained HTML report
  --allow-missing         merge even when shards are missing; their cases count
                          as not checked, so the verdict is INCOMPLETE at best
  --allow-incomplete      exit 0 for an INCOMPLETE merged run
  --no-color              no colours
  -h, --help              show this help

Exit status: as for a run (0 passed, 1 failed, 2 usage error or reports that
cannot be merged, 3 INCOMPLETE, 4 a key was rejected).
`;

/** What `merge` is asked for. */
export interface MergeCliRequest {
  files: string[];
  json?: string;
  junit?: string;
  html?: string;
  allowMissing: boolean;
  allowIncomplete: boolean;
  color: boolean;
  help: boolean;
}

/**
 * Parses the arguments of `merge` (after the word `merge`).
 * @throws UsageError for unknown flags, missing values or no report files.
 */
export function parseMergeCli(argv: readonly string[]): MergeCliRequest {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'string' },
        junit: { type: 'string' },
        html: { type: 'string' },
        'allow-missing': { type: 'boolean' },
        'allow-incomplete': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(`merge: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  const help = values.help === true;
  if (!help && positionals.length === 0)
    throw new UsageError('merge needs the JSON reports of the shards, e.g. merge shard-1.json shard-2.json');
  const str = (name: string) => values[name] as string | undefined;
  for (const flag of ['json', 'junit', 'html']) {
    const file = str(flag);
    if (file !== undefined && file.trim() === '') throw new UsageError(`merge: --${flag} needs a file name`);
  }
  return {
    files: positionals,
    json: str('json'),
    junit: str('junit'),
    html: str('html'),
    allowMissing: values['allow-missing'] === true,
    allowIncomplete: values['allow-incomplete'] === true,
    color: values['no-color'] !== true,
    help,
  };
}
