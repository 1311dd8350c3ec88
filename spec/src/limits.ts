/**
 * Request size limits, read from the spec: `x-max-bytes` on JSON request bodies (the 413 limit)
 * and the largest upload of `x-upload-formats`.
 * @see ../DECISIONS.md (B21, B23)
 */
import type { OpenAPIDocument } from './document.js';
import { listOperations } from './operations.js';
import { uploadFormats } from './uploads.js';

/**
 * The largest JSON request body any operation accepts, in bytes: the `x-max-bytes` of every
 * `application/json` request body, which must agree.
 * @throws Error when a JSON body has no `x-max-bytes` or two of them differ.
 */
export function jsonBodyLimit(doc: OpenAPIDocument): number {
  const limits = new Map<number, string[]>();
  for (const op of listOperations(doc)) {
    for (const media of op.requestBody?.content ?? []) {
      if (media.contentType !== 'application/json') continue;
      if (media.maxBytes === undefined) throw new Error(`${op.operationId}: the application/json request body has no x-max-bytes`);
      limits.set(media.maxBytes, [...(limits.get(media.maxBytes) ?? []), op.operationId]);
    }
  }
  if (limits.size === 0) throw new Error('No operation of the spec takes an application/json request body');
  if (limits.size > 1) {
    throw new Error(`JSON request bodies disagree on x-max-bytes: ${[...limits].map(([n, ids]) => `${n} (${ids.join(', ')})`).join('; ')}`);
  }
  return [...limits.keys()][0]!;
}

/** The largest file any upload format accepts, in bytes (from `x-upload-formats`). */
export function largestUpload(doc: OpenAPIDocument): number {
  return Math.max(...uploadFormats(doc).map((f) => f.maxBytes));
}

/**
 * A byte count the way the spec's messages write it: whole MiB or KiB when exact ("1 MiB"),
 * otherwise bytes ("1500 bytes").
 */
export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
