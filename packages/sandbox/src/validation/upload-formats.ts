/**
 * Accepted audio formats and their size limits for Upload Recording, derived from the spec's
 * `x-upload-formats` (the documented extensions and limits; "100 MB" read as 100 MiB).
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import { loadSpec, uploadFormats } from '@identitycall/openapi';

/** The documented upload formats, by file extension without the dot. */
export type AudioFormat = 'mp3' | 'wav' | 'm4a' | 'ogg' | 'flac' | 'webm';

const formats = uploadFormats(loadSpec());
const byExtension = new Map(formats.map((f) => [f.extension.replace(/^\./, ''), f]));

/** Documented maximum sizes in bytes, by format. */
export const DEFAULT_UPLOAD_LIMITS: Readonly<Record<AudioFormat, number>> = Object.freeze(
  Object.fromEntries(formats.map((f) => [f.extension.replace(/^\./, ''), f.maxBytes])) as Record<AudioFormat, number>,
);

const MIME = new Map<string, AudioFormat>(
  formats.flatMap((f) => f.mediaTypes.map((t) => [t.toLowerCase(), f.extension.replace(/^\./, '') as AudioFormat])),
);

/**
 * The format of an uploaded file: by its extension, or by its part's content type when the name
 * has no extension. Undefined for anything else.
 */
export function audioFormatOf(filename: string, contentType: string | undefined): AudioFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext !== undefined) return byExtension.has(ext) ? (ext as AudioFormat) : undefined;
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime ? MIME.get(mime) : undefined;
}
