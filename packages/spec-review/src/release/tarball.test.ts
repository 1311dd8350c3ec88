/**
 * Reading .tgz files as GNU tar and as POSIX pax write them (long names included).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeFiles } from '../testing/helpers.js';
import { readTarball, TarballFormatError } from './tarball.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const long = `package/${'very-long-directory-name/'.repeat(5)}file-with-a-long-name.json`;
writeFiles(join(tmp.dir, 'src'), { 'package/package.json': '{"name":"x"}', [long]: '{"ok":true}', 'package/empty.txt': '' });

describe('readTarball', () => {
  it.each(['gnu', 'pax', 'ustar'])('reads a %s archive, long paths included', (format) => {
    const file = join(tmp.dir, `${format}.tgz`);
    const files = ['package/package.json', 'package/empty.txt', ...(format === 'ustar' ? [] : [long])];
    execFileSync('tar', ['-czf', file, `--format=${format}`, '-C', join(tmp.dir, 'src'), ...files]);
    const read = readTarball(readFileSync(file));
    expect([...read.keys()].sort()).toEqual([...files].sort());
    expect(read.get('package/package.json')!.toString()).toBe('{"name":"x"}');
    expect(read.get('package/empty.txt')!.length).toBe(0);
    if (format !== 'ustar') expect(JSON.parse(read.get(long)!.toString())).toEqual({ ok: true });
  });

  it('rejects data that is not gzip', () => {
    expect(() => readTarball(Buffer.from('not a tarball'))).toThrow(TarballFormatError);
  });
});
