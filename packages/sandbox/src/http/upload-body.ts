/**
 * Reading an Upload Recording body: the multipart stream with the per-format size limits applied
 * while it arrives, and parser failures turned into the documented answers.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, unprocessable } from '../errors/api-error.js';
import { MESSAGES, SANDBOX_MESSAGES } from '../errors/messages.js';
import { FILE_FIELD, audioFormatOf, type AudioFormat } from '../validation/upload-formats.js';
import { consume } from './body.js';
import { MultipartError, MultipartParser, boundaryOf, type ReceivedFile } from './multipart.js';

/** A parsed multipart body: its text fields (the first value of each name) and its file parts. */
export interface FormBody {
  fields: Map<string, string>;
  files: ReceivedFile[];
}

function toApiError(e: unknown, close: boolean): unknown {
  if (e instanceof ApiError) return new ApiError(e.status, e.body, e.headers, close || e.closeConnection);
  if (e instanceof MultipartError) {
    switch (e.code) {
      case 'file-too-large':
        return unprocessable(MESSAGES.fileTooLarge, close);
      case 'field-too-large':
      case 'too-many-parts':
        return new ApiError(413, { error: `${SANDBOX_MESSAGES.malformedMultipart}: ${e.message}` }, {}, close);
      default:
        return badRequest(`${SANDBOX_MESSAGES.malformedMultipart}: ${e.message}`, close);
    }
  }
  return e;
}

/**
 * Reads a multipart upload. Returns undefined when the request is not `multipart/form-data`, and
 * an empty form for an empty body (the handler then answers "file is required"). The `file`
 * part's format is checked when its headers arrive and its size as it streams, so a refused file
 * is not read further than needed.
 */
export async function readUploadForm(req: IncomingMessage, limits: Readonly<Record<AudioFormat, number>>): Promise<FormBody | undefined> {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return undefined;
  const parser = new MultipartParser(boundary, {
    onFileStart(file) {
      if (file.name !== FILE_FIELD) return Number.POSITIVE_INFINITY;
      // A file input left empty arrives as a part with an empty file name: no file.
      if (file.filename === '') return Number.POSITIVE_INFINITY;
      const format = audioFormatOf(file.filename, file.contentType);
      const limit = format === undefined ? undefined : limits[format];
      if (limit === undefined) throw unprocessable(MESSAGES.invalidFileType);
      return limit;
    },
  });
  let received = 0;
  const result = await consume(req, (chunk) => {
    received += chunk.length;
    parser.write(chunk);
  });
  if (result.error !== undefined) throw toApiError(result.error, result.close);
  // Zero bytes are no form at all rather than a broken one (Rack, for one, reads them as no
  // parameters): the handler answers the documented "file is required".
  if (received === 0) return { fields: new Map(), files: [] };
  try {
    parser.end();
  } catch (e) {
    throw toApiError(e, false);
  }
  return { fields: parser.fields, files: parser.files };
}
