/**
 * Accepted audio formats and their size limits for Upload Recording, read from the spec's
 * `x-upload-formats` (the documented extensions and limits; "100 MB" read as 100 MiB): nothing
 * about them is written here.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import { loadSpec, uploadFormats } from '@identitycall/openapi';

/**
 * A documented upload format, named by its file extension without the dot (`'mp3'`, `'wav'`, …):
 * one of the spec's `x-upload-formats`. A string, because the list lives in the spec, not in a type.
 */
export type AudioFormat = string;

const formats = uploadFormats(loadSpec());
const nameOf = (extension: string): AudioFormat => extension.replace(/^\./, '');
const byExtension = new Map(formats.map((f) => [nameOf(f.extension), f]));
const byMediaType = new Map(formats.flatMap((f) => f.mediaTypes.map((t) => [t.toLowerCase(), nameOf(f.extension)] as const)));

/** Documented maximum sizes in bytes, by format. */
export const DEFAULT_UPLOAD_LIMITS: Readonly<Record<AudioFormat, number>> = Object.freeze(
  Object.fromEntries(formats.map((f) => [nameOf(f.extension), f.maxBytes])),
);

/**
 * The per-format limits with `overrides` applied.
 * @throws TypeError naming the documented formats when an override names another, or is not a
 * positive integer.
 */
export function uploadLimitsWith(overrides: Readonly<Record<string, number | undefined>> = {}): Record<AudioFormat, number> {
  const out: Record<AudioFormat, number> = { ...DEFAULT_UPLOAD_LIMITS };
  for (const [format, limit] of Object.entries(overrides)) {
    if (limit === undefined) continue;
    if (!byExtension.has(format)) {
      throw new TypeError(`uploadLimits: "${format}" is not an upload format of the spec (${[...byExtension.keys()].join(', ')})`);
    }
    if (!Number.isSafeInteger(limit) || limit < 0) throw new TypeError(`uploadLimits.${format}: expected a whole number of bytes, got ${String(limit)}`);
    out[format] = limit;
  }
  return out;
}

/**
 * The format of an uploaded file: by its extension, or by its part's content type when the name
 * has no extension. Undefined for anything else.
 */
export function audioFormatOf(filename: string, contentType: string | undefined): AudioFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext !== undefined) return byExtension.has(ext) ? ext : undefined;
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime ? byMediaType.get(mime) : undefined;
}
