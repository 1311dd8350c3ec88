/**
 * Turns any supported upload input into a named, typed Blob, after checking it against the formats
 * and size limits the spec documents — before a byte is sent. A file path is opened lazily through
 * `node:fs` (never imported at the top, so browser bundles carry no `node:` import).
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import { UploadValidationError } from '../errors.js';
import { UPLOAD_LIMITS, UPLOAD_PART_TYPES } from '../generated/spec.gen.js';

/**
 * Audio accepted by the recording upload (`client.recordings.upload`): a file path (Node.js only), a `Blob` or
 * `File`, bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`), or a readable stream (a web
 * `ReadableStream` or a Node.js `Readable`). Streams are read into memory (up to the size limit).
 */
export type UploadFile = string | Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Content types that name a format (the first of each format is the one sent). */
const TYPE_FORMATS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/ogg': 'ogg',
  'audio/webm': 'webm',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
};

/** The upload as it is sent: the audio and the file name that tells the API its format. */
export interface PreparedUpload {
  blob: Blob;
  name: string;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
const formatList = () =>
  Object.entries(UPLOAD_LIMITS)
    .map(([ext, limit]) => `.${ext} (≤ ${megabytes(limit)})`)
    .join(', ');

function nameOf(file: UploadFile): string | undefined {
  const path = typeof file === 'string' ? file : ((file as { name?: unknown; path?: unknown }).name ?? (file as { path?: unknown }).path);
  return typeof path === 'string' && path !== '' ? path.split(/[\\/]/).pop() : undefined;
}

function tooLarge(name: string, format: string, size: string): UploadValidationError {
  return new UploadValidationError(
    'size',
    `${name} is ${size}; ${format.toUpperCase()} uploads are limited to ${megabytes(UPLOAD_LIMITS[format]!)}.`,
  );
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Reads a stream into a Blob, stopping (and cancelling the stream) as soon as it is over the limit. */
async function collect(chunks: AsyncIterable<unknown>, name: string, format: string): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) {
      throw new UploadValidationError('input', 'The upload stream must yield bytes (Uint8Array or Buffer); open it without an encoding.');
    }
    size += chunk.byteLength;
    if (size > UPLOAD_LIMITS[format]!) throw tooLarge(name, format, `over ${megabytes(UPLOAD_LIMITS[format]!)}`);
    parts.push(chunk);
  }
  return new Blob(parts as BlobPart[]);
}

async function openPath(path: string): Promise<Blob> {
  if (!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) {
    throw new UploadValidationError('input', 'A file path can only be uploaded from Node.js; in a browser pass a File or Blob.');
  }
  try {
    // Built at run time so bundlers leave node:fs out of browser builds.
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ ['node', 'fs'].join(':'))) as {
      openAsBlob(path: string): Promise<Blob>;
      promises: { stat(path: string): Promise<{ isFile(): boolean }> };
    };
    // stat first: openAsBlob's own error does not say what is wrong (missing, a directory…).
    if (!(await fs.promises.stat(path)).isFile()) throw new Error('not a file');
    return await fs.openAsBlob(path);
  } catch (cause) {
    throw new UploadValidationError('unreadable', `Cannot read ${path}: ${(cause as Error).message}`, cause);
  }
}

function toBlob(file: UploadFile, name: string, format: string): Promise<Blob> | Blob {
  if (typeof file === 'string') return openPath(file);
  if (file instanceof Blob) return file;
  if (file instanceof ArrayBuffer || ArrayBuffer.isView(file)) return new Blob([file as BlobPart]);
  if (typeof (file as ReadableStream).getReader === 'function') return collect(chunksOf(file as ReadableStream<Uint8Array>), name, format);
  if (file && typeof (file as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return collect(file as AsyncIterable<unknown>, name, format);
  }
  throw new UploadValidationError(
    'input',
    `Cannot upload ${Object.prototype.toString.call(file)}: pass a file path (Node.js), a Blob or File, a Uint8Array, Buffer or ArrayBuffer, or a readable stream.`,
  );
}

/**
 * Checks `file` and turns it into what is sent.
 * @param filename Overrides the name taken from a path, File or fs stream; its extension names the format.
 * @throws UploadValidationError when the input kind, format or size is not one the API accepts.
 */
export async function prepareUpload(file: UploadFile, filename?: string): Promise<PreparedUpload> {
  const given = filename ?? nameOf(file);
  const ext = given?.match(/\.([^.]+)$/)?.[1]?.toLowerCase();
  const type = file instanceof Blob ? file.type.split(';')[0]!.trim().toLowerCase() : '';
  const typeFormat = TYPE_FORMATS[type];
  const label = given ?? 'The file';
  if (ext !== undefined && !(ext in UPLOAD_LIMITS)) {
    throw new UploadValidationError('format', `${label}: .${ext} is not a supported audio format; use ${formatList()}.`);
  }
  if (ext !== undefined && typeFormat !== undefined && typeFormat !== ext) {
    throw new UploadValidationError(
      'format',
      `${label} is named .${ext} but has type ${type} (.${typeFormat}); rename it or fix its type.`,
    );
  }
  const format = ext ?? typeFormat;
  if (format === undefined || !(format in UPLOAD_LIMITS)) {
    throw new UploadValidationError(
      'format',
      `Cannot tell the audio format of ${given ?? 'the upload'}: pass \`filename\` with one of ${formatList()}, or a Blob with an audio type.`,
    );
  }
  const name = ext ? given! : `${given ?? 'recording'}.${format}`;
  const blob = await toBlob(file, name, format);
  if (blob.size === 0) throw new UploadValidationError('empty', `${name} is empty (0 bytes).`);
  if (blob.size > UPLOAD_LIMITS[format]!) throw tooLarge(name, format, megabytes(blob.size));
  const accepted = UPLOAD_PART_TYPES.some((t) => t === type || (t.endsWith('/*') && type.startsWith(t.slice(0, -1))));
  const partType = accepted ? type : (Object.keys(TYPE_FORMATS).find((t) => TYPE_FORMATS[t] === format) ?? 'application/octet-stream');
  return { blob: blob.type === partType ? blob : new Blob([blob], { type: partType }), name };
}
