/**
 * The audio formats Upload Recording accepts, read from the operation's `x-upload-formats`
 * extension: one place for the documented extensions and size limits.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import type { OpenAPIDocument } from './document.js';
import { getOperation } from './operations.js';

/** One accepted audio format. */
export interface UploadFormat {
  /** Display name, e.g. `MP3`. */
  format: string;
  /** File extension with the dot, lower case, e.g. `.mp3`. */
  extension: string;
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Media types a file part of this format may carry. */
  mediaTypes: string[];
}

/**
 * The formats of `uploadRecording`.
 * @throws Error when the spec lacks or malforms `x-upload-formats`.
 */
export function uploadFormats(doc: OpenAPIDocument): UploadFormat[] {
  const op = doc.paths[getOperation(doc, 'uploadRecording').path]?.post as Record<string, unknown> | undefined;
  const raw = op?.['x-upload-formats'];
  if (!Array.isArray(raw) || raw.length === 0) throw new Error('uploadRecording has no x-upload-formats list in the spec');
  return raw.map((f: Record<string, unknown>, i) => {
    if (typeof f.format !== 'string' || typeof f.extension !== 'string' || !Number.isInteger(f.maxBytes) || !Array.isArray(f.mediaTypes)) {
      throw new Error(`x-upload-formats[${i}] needs format, extension, maxBytes and mediaTypes`);
    }
    return { format: f.format, extension: f.extension.toLowerCase(), maxBytes: f.maxBytes as number, mediaTypes: f.mediaTypes.map(String) };
  });
}
