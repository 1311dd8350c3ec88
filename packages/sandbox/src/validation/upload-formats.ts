/**
 * What Upload Recording accepts, read from the spec: the audio formats and their size limits
 * (`x-upload-formats`; "100 MB" read as 100 MiB) and the form's fields (the multipart request
 * schema: one file field, the rest text). Nothing about them is written here.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import { getOperation, loadSpec, resolveRef, uploadFormats } from '@identitycall/openapi';
import { requestFields } from './schema-fields.js';

/**
 * A documented upload format, named by its file extension without the dot (`'mp3'`, `'wav'`, …):
 * one of the spec's `x-upload-formats`. A string, because the list lives in the spec, not in a type.
 */
export type AudioFormat = string;

const doc = loadSpec();
const formats = uploadFormats(doc);
const form = requestFields(doc, getOperation(doc, 'uploadRecording'), 'multipart/form-data');
const schemaOf = (name: string) => resolveRef<Record<string, unknown>>(doc, form.properties[name]);
const fileFields = Object.keys(form.properties).filter(
  (name) => 'contentMediaType' in schemaOf(name) || schemaOf(name).format === 'binary',
);
if (fileFields.length !== 1) throw new Error(`uploadRecording's multipart schema must have one file field, has ${fileFields.length}`);

/** The form field that carries the audio file. */
export const FILE_FIELD: string = fileFields[0]!;

/** The upload form's other fields, and which of them hold an integer (sent as text, read as a number). */
export const UPLOAD_TEXT_FIELDS: ReadonlyArray<{ name: string; integer: boolean }> = Object.freeze(
  Object.keys(form.properties)
    .filter((name) => name !== FILE_FIELD)
    .map((name) => ({ name, integer: schemaOf(name).type === 'integer' })),
);
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
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new TypeError(`uploadLimits.${format}: expected a whole number of bytes, got ${String(limit)}`);
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
