/**
 * Reads the files of an npm tarball (`.tgz`: gzip over ustar, with pax and GNU long names) into
 * memory, so the release checks can look inside what would be published.
 * @see https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06
 */
import { gunzipSync } from 'node:zlib';
import { SpecReviewError } from '../errors.js';

/** The tarball is not a gzip-compressed tar archive. */
export class TarballFormatError extends SpecReviewError {
  override name = 'TarballFormatError';
}

/**
 * Returns every regular file of the tarball, keyed by its path inside it (`package/dist/index.js`).
 * @throws TarballFormatError when the data is not a .tgz archive.
 */
export function readTarball(data: Uint8Array): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = gunzipSync(data);
  } catch (cause) {
    throw new TarballFormatError(`not a gzip file: ${(cause as Error).message}`, { cause });
  }
  const files = new Map<string, Buffer>();
  let offset = 0;
  let nextName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    if (Number.isNaN(size)) throw new TarballFormatError(`bad size field at byte ${offset}`);
    const type = text(156, 1) || '0';
    const prefix = text(257, 6).startsWith('ustar') ? text(345, 155) : '';
    const name = nextName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      nextName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      continue;
    }
    if (type === 'L') {
      nextName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    nextName = undefined;
    if (type === '0' || type === '7') files.set(name, Buffer.from(body));
  }
  return files;
}
