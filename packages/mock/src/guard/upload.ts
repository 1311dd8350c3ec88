/**
 * Uploads (`multipart/form-data`): the body is stream-parsed, the `file` part's format and size
 * checked against the spec's `x-upload-formats` as it arrives, the text fields against the form
 * schema; then Prism gets a *small* form with the same documented fields and only the file's
 * first bytes.
 *
 * Why a small form: Prism checks only the shape of a request and answers from examples, so the
 * file's content never matters to it, while Prism buffers bodies and refuses any over 10 MB (its
 * own "Body exceeded 10mb limit"). Forwarding a short file part lets every documented upload
 * (whatever its format's limit) succeed, and the guard never holds more than a few kilobytes of it.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 * @see ../../../../spec/DECISIONS.md (B14)
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { resolveRef, type JsonSchema, type UploadFormat } from '@identitycall/openapi';
import type { SpecFacts } from '../facts.js';
import { readBody } from './body.js';
import { GuardError } from './errors.js';
import { parseMediaType } from './headers.js';
import { MultipartError, MultipartParser, type ParsedPart, type PartInfo } from './multipart.js';

/** The form field that carries the audio file. */
export const FILE_FIELD = 'file';

/** Largest text field or extra file part the guard reads, in bytes. */
export const MAX_FIELD_BYTES = 64 * 1024;

/** The form to forward to Prism. */
export interface ForwardForm {
  body: Buffer;
  contentType: string;
}

/**
 * The format of an uploaded file: by its extension, or by its part's media type when the name has
 * none (the same rule as the sandbox's); undefined when neither names an accepted format.
 */
export function formatOf(formats: readonly UploadFormat[], filename: string, contentType: string | undefined): UploadFormat | undefined {
  const ext = /(\.[A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext !== undefined) return formats.find((f) => f.extension === ext);
  if (contentType === undefined) return undefined;
  const parsed = parseMediaType(contentType);
  if (typeof parsed === 'string') return undefined;
  return formats.find((f) => f.mediaTypes.some((t) => t.toLowerCase() === parsed.essence));
}

const isFile = (part: PartInfo) => part.name === FILE_FIELD && part.filename !== undefined && part.filename !== '';

/** A client-given name, shortened to printable ASCII for a message. */
const shown = (text: string) => text.replace(/[^\u0020-\u007e]|["\\]/g, '_');

function toGuardError(facts: SpecFacts, error: unknown): unknown {
  if (!(error instanceof MultipartError)) return error;
  if (error.code === 'part-too-large' && error.part && isFile(error.part)) return new GuardError(422, facts.upload.fileTooLarge, {}, true);
  if (error.code === 'part-too-large' || error.code === 'too-many-parts')
    return new GuardError(413, `The upload form is too large: ${error.message}`, {}, true);
  return new GuardError(400, `Malformed multipart/form-data body: ${error.message}`, {}, true);
}

/** A text field's value as the form schema types it (text that spells an integer → number). */
function typedField(facts: SpecFacts, schema: JsonSchema, text: string): unknown {
  const type = resolveRef<{ type?: unknown } | undefined>(facts.doc, schema)?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** The form schema of the upload operation. */
function formSchema(facts: SpecFacts): { properties?: Record<string, JsonSchema> } | undefined {
  const media = facts.upload.operation.requestBody?.content.find((m) => m.contentType === 'multipart/form-data');
  return media?.schema === undefined ? undefined : resolveRef<{ properties?: Record<string, JsonSchema> }>(facts.doc, media.schema);
}

function checkFields(facts: SpecFacts, parts: readonly ParsedPart[]): void {
  const schema = formSchema(facts);
  const seen = new Set<string>();
  for (const part of parts) {
    if (seen.has(part.name)) throw new GuardError(400, `Malformed multipart/form-data body: field "${shown(part.name)}" is given twice`);
    seen.add(part.name);
    if (part.filename !== undefined) continue;
    const property = schema?.properties?.[part.name];
    if (property === undefined || part.name === FILE_FIELD) continue;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(part.head);
    const result = facts.validator.validate(property, typedField(facts, property, text));
    if (!result.valid) {
      const why = [...new Set(result.errors.map((e) => e.replace(/^\(root\)\s*/, '')))].join('; ');
      throw new GuardError(422, `Form field "${part.name}" ${why} (got "${text.slice(0, 100)}")`);
    }
  }
}

/**
 * The form Prism gets: the file part with the first bytes of the file, a plain name and the
 * format's media type, and the text fields the form schema names, values unchanged. Prism's
 * multipart parser splits header lines on ";" and "=" and JSON-parses quoted names, so anything
 * else a client sent (odd names, extra parts) is left out: Prism ignores unknown fields anyway.
 */
function buildForm(facts: SpecFacts, parts: readonly ParsedPart[]): ForwardForm {
  const known = new Set(Object.keys(formSchema(facts)?.properties ?? {}));
  const kept = parts.filter((p) => isFile(p) || (known.has(p.name) && p.name !== FILE_FIELD));
  for (;;) {
    const boundary = `identitycall-mock-${randomBytes(12).toString('hex')}`;
    const marker = Buffer.from(`--${boundary}`);
    // A value that happens to contain the random boundary would split a part: pick another.
    if (kept.some((p) => p.head.includes(marker))) continue;
    const pieces: Buffer[] = [];
    for (const part of kept) {
      let headers = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
      if (isFile(part)) {
        const format = formatOf(facts.uploadFormats, part.filename!, part.contentType)!;
        headers += `; filename="upload${format.extension}"\r\nContent-Type: ${format.mediaTypes[0]}`;
      }
      pieces.push(Buffer.from(`${headers}\r\n\r\n`), part.head, Buffer.from('\r\n'));
    }
    pieces.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
  }
}

/**
 * Reads an upload body and returns the small form to forward.
 * @throws GuardError 400 (malformed body, or no file: the documented `fileRequired`), 422 (the
 * documented `invalidFileType` / `fileTooLarge`, or a field its schema refuses), 413 (a text
 * field or the number of parts over the guard's limits).
 */
export async function readUpload(facts: SpecFacts, req: IncomingMessage, boundary: string): Promise<ForwardForm> {
  let file: PartInfo | undefined;
  const parser = new MultipartParser(boundary, {
    maxFieldBytes: MAX_FIELD_BYTES,
    onPart(part) {
      if (!isFile(part)) return MAX_FIELD_BYTES;
      if (file) throw new GuardError(400, `Malformed multipart/form-data body: more than one "${FILE_FIELD}" part`, {}, true);
      file = part;
      const format = formatOf(facts.uploadFormats, part.filename!, part.contentType);
      if (!format) throw new GuardError(422, facts.upload.invalidFileType, {}, true);
      return format.maxBytes;
    },
  });
  try {
    await readBody(req, (chunk) => parser.write(chunk));
    parser.end();
  } catch (error) {
    throw toGuardError(facts, error);
  }
  if (!file) throw new GuardError(400, facts.upload.fileRequired);
  checkFields(facts, parser.parts);
  return buildForm(facts, parser.parts);
}
