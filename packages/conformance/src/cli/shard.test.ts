/**
 * The command line of sharded runs: `--shard` and `--html` parsed and checked, `merge` parsed, and
 * the built CLI running two dry-run shards and merging their JSON reports into the counts of one
 * dry run (JSON, JUnit and HTML), refusing a missing or repeated shard with exit status 2.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers.js';
import { UsageError } from '../errors.js';
import { parseCli, parseMergeCli } from './args.js';
import { EXIT_CODES } from './main.js';

const base = ['--base-url', 'https://api.example.test/api/v1/public', '--api-key', 'idc_abc'];

describe('--shard and --html', () => {
  it('parse into the run options and the report destinations', () => {
    const cli = parseCli([...base, '--shard', '2/3', '--html', 'out/report.html']);
    expect(cli.options.shard).toEqual({ index: 2, count: 3 });
    expect(cli.html).toBe('out/report.html');
    expect(parseCli(base).options.shard).toBeUndefined();
  });

  it.each([
    ['0/2', 'shards are numbered from 1'],
    ['3/2', 'the index must be between 1 and the count (2); got "3/2"'],
    ['a/b', '--shard expects <index>/<count> with 1 ≤ index ≤ count'],
    ['2', '--shard expects <index>/<count>'],
  ])('refuse --shard %s with a usage error', (value, message) => {
    expect(() => parseCli([...base, '--shard', value])).toThrow(UsageError);
    expect(() => parseCli([...base, '--shard', value])).toThrow(message);
  });

  it('refuse an empty --html file name', () => {
    expect(() => parseCli([...base, '--html', ' '])).toThrow('--html needs a file name');
  });
});

describe('merge arguments', () => {
  it('take the reports and where to write the merged ones', () => {
    expect(parseMergeCli(['a.json', 'b.json', '--json', 'm.json', '--junit', 'm.xml', '--html', 'm.html', '--allow-missing'])).toEqual({
      files: ['a.json', 'b.json'],
      json: 'm.json',
      junit: 'm.xml',
      html: 'm.html',
      allowMissing: true,
      allowIncomplete: false,
      color: true,
      help: false,
    });
  });

  it('refuse no report, an unknown flag and an empty file name', () => {
    expect(() => parseMergeCli([])).toThrow('merge needs the JSON reports of the shards');
    expect(() => parseMergeCli(['a.json', '--shard', '1/2'])).toThrow(/merge: Unknown option '--shard'/);
    expect(() => parseMergeCli(['a.json', '--html', ''])).toThrow('merge: --html needs a file name');
  });
});

describe('identitycall-conformance --shard … then merge', () => {
  let dir: string;
  const env = { IDENTITYCALL_BASE_URL: 'https://api.example.test/api/v1/public', IDENTITYCALL_API_KEY: 'idc_shard_secret_key' };
  // A few families keep each dry run short; the split and the merge are the same for any plan.
  const run = (...args: string[]) =>
    runCli(
      ['--dry-run', '--quiet', '--runs', '1', '--seed', '3', '--family', 'examples', '--family', 'auth', '--family', 'flows', ...args],
      env,
    );
  const shardRun = (i: number, n: number) => run('--shard', `${i}/${n}`, '--json', join(dir, `shard-${i}.json`));
  const json = async (file: string) => JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-shard-'));
    // One after the other: each is a CPU-bound process, and the machine may be busy.
    for (const result of [await shardRun(1, 2), await shardRun(2, 2), await run('--json', join(dir, 'whole.json'))])
      expect(result.code, result.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes shard reports that carry the shard, the seed, the plan and the case ids', async () => {
    const shard = await json('shard-1.json');
    expect(shard).toMatchObject({ seed: 3, shard: { index: 1, count: 2 }, plan: { spec: { hash: expect.any(String) } } });
    expect((shard.cases as Array<{ id: string }>).map((c) => c.id)).toContain('setup');
    expect(JSON.stringify(shard)).not.toContain(env.IDENTITYCALL_API_KEY);
  });

  it('merges them into the case count and verdict of one run, as JSON, JUnit and HTML', async () => {
    const out = (f: string) => join(dir, f);
    const result = await runCli(
      [
        'merge',
        out('shard-2.json'),
        out('shard-1.json'),
        '--json',
        out('merged.json'),
        '--junit',
        out('merged.xml'),
        '--html',
        out('merged.html'),
      ],
      {},
    );
    expect(result.code, result.stderr).toBe(EXIT_CODES.passed);
    expect(result.stdout).toMatch(/^Merged 2 of 2 shard report\(s\)/);
    expect(result.stdout).toContain('DRY RUN — nothing was checked');
    const [merged, whole] = [await json('merged.json'), await json('whole.json')];
    expect(merged.counts).toEqual(whole.counts);
    expect(merged.outcome).toBe(whole.outcome);
    expect((merged.cases as Array<{ id: string }>).map((c) => c.id)).toEqual((whole.cases as Array<{ id: string }>).map((c) => c.id));
    const xml = await readFile(out('merged.xml'), 'utf8');
    expect(xml.match(/<testcase classname="conformance\.(?!checks)/g)).toHaveLength((whole.counts as { cases: number }).cases);
    const html = await readFile(out('merged.html'), 'utf8');
    expect(html).toContain('data-outcome="dry-run"');
    expect(html).toContain('<dt>Merged</dt><dd>2 of 2 shards</dd>');
  });

  it('refuses a missing shard and a shard given twice (exit 2, naming the files)', async () => {
    const one = join(dir, 'shard-1.json');
    const missing = await runCli(['merge', one], {});
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain(`shard 2/2 is missing (given: 1/2 ${one})`);
    const twice = await runCli(['merge', one, one], {});
    expect(twice.code).toBe(EXIT_CODES.usage);
    expect(twice.stderr).toContain(`shard 1/2 is given more than once: ${one}, ${one}`);
    const absent = await runCli(['merge', join(dir, 'nope.json')], {});
    expect(absent.code).toBe(EXIT_CODES.usage);
    expect(absent.stderr).toContain(`cannot read ${join(dir, 'nope.json')}: no such file`);
  });

  it('exits 2 for --shard 3/2', async () => {
    const result = await runCli(['--dry-run', '--shard', '3/2'], env);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain('--shard: the index must be between 1 and the count (2); got "3/2"');
  });
});
