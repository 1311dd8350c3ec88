/**
 * Which shard of a run this is: `--shard i/n` (1-based, as CI matrices number their jobs), checked
 * so that `0/2`, `3/2` or `a/b` is a usage error that says what is expected. The split itself is in
 * `split.ts`.
 */
import { UsageError } from '../errors.js';

/** Which part of the run this is: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Most shards a run may be split into. */
export const MAX_SHARDS = 1000;

const SHARD_USAGE = '--shard expects <index>/<count> with 1 ≤ index ≤ count, e.g. --shard 1/2 and --shard 2/2 on two machines';

/**
 * Parses `i/n` (1-based, as CI matrices number their jobs).
 * @throws UsageError for anything else (`0/2`, `3/2`, `a/b`, `1/0`).
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`${SHARD_USAGE}; got "${text}"`);
  return checkShard({ index: Number(m[1]), count: Number(m[2]) }, text);
}

/** Checks a shard given as data. @throws UsageError when it is not a shard of the run. */
export function checkShard(shard: Shard, given = `${shard.index}/${shard.count}`): Shard {
  const { index, count } = shard;
  if (!Number.isInteger(index) || !Number.isInteger(count)) throw new UsageError(`${SHARD_USAGE}; got "${given}"`);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`--shard: the count must be between 1 and ${MAX_SHARDS}; got "${given}"`);
  if (index < 1 || index > count)
    throw new UsageError(`--shard: the index must be between 1 and the count (${count}); got "${given}" (shards are numbered from 1)`);
  return { index, count };
}
