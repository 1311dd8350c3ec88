/**
 * Small builders for case requests: an HTTP request from parts, and `multipart/form-data` bodies
 * written by hand (so a case can break them in exactly one place).
 * @see https://www.rfc-editor.org/rfc/rfc7578
 */
import type { Body, HttpSend } from './case.js';

/** Options of {@link http}. */
export interface HttpOptions {
  headers?: Array<[string, string]>;
  /** Send the runner's valid credentials. @default true */
  auth?: boolean;
  body?: Body;
  framing?: HttpSend['framing'];
  chunkBytes?: number;
  absolute?: boolean;
}

/** An HTTP request to `path` below the base path. */
export function http(method: string, path: string, options: HttpOptions = {}): HttpSend {
  return {
    kind: 'http',
    method,
    path,
    headers: options.headers ?? [],
    auth: options.auth ?? true,
    ...(options.body && { body: options.body }),
    ...(options.framing && { framing: options.framing }),
    ...(options.chunkBytes && { chunkBytes: options.chunkBytes }),
    ...(options.absolute && { absolute: true }),
  };
}

/** The `Content-Type` header line of a JSON body. */
export const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];

/** One part of a hand-written form. */
export interface FormPart {
  /** The part's header lines; when given, `name`, `filename` and `contentType` are ignored. */
  headerLines?: string[];
  name?: string;
  filename?: string;
  contentType?: string;
  content: string | Uint8Array;
}

/** Options of {@link formBody}. */
export interface FormOptions {
  preamble?: string;
  epilogue?: string;
  /** End with the closing boundary line. @default true */
  close?: boolean;
  /** The line break between lines. @default '\r\n' */
  newline?: string;
}

/** The header lines of `part` as a browser writes them. */
export function partHeaders(part: FormPart): string[] {
  if (part.headerLines) return part.headerLines;
  const disposition = [
    `form-data`,
    ...(part.name !== undefined ? [`name="${part.name}"`] : []),
    ...(part.filename !== undefined ? [`filename="${part.filename}"`] : []),
  ];
  return [
    `Content-Disposition: ${disposition.join('; ')}`,
    ...(part.contentType !== undefined ? [`Content-Type: ${part.contentType}`] : []),
  ];
}

/** A `multipart/form-data` body with `boundary` and `parts`. */
export function formBody(boundary: string, parts: readonly FormPart[], options: FormOptions = {}): Uint8Array {
  const nl = options.newline ?? '\r\n';
  const chunks: Buffer[] = [];
  if (options.preamble !== undefined) chunks.push(Buffer.from(`${options.preamble}${nl}`));
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}${nl}${partHeaders(part)
          .map((l) => `${l}${nl}`)
          .join('')}${nl}`,
      ),
    );
    chunks.push(typeof part.content === 'string' ? Buffer.from(part.content) : Buffer.from(part.content));
    chunks.push(Buffer.from(nl));
  }
  if (options.close ?? true) chunks.push(Buffer.from(`--${boundary}--${nl}`));
  if (options.epilogue !== undefined) chunks.push(Buffer.from(options.epilogue));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The header line announcing a form with `boundary`. */
export const formType = (boundary: string): [string, string] => ['Content-Type', `multipart/form-data; boundary=${boundary}`];
