/**
 * What the mock reads from the spec, once: the base path, the routes, the request limits, the
 * upload formats and every documented message it answers with. Nothing here is typed in by hand.
 * @see ../../../spec/DECISIONS.md (B18, B21, B23)
 */
import {
  createValidator,
  errorMessages,
  jsonBodyLimit,
  listOperations,
  loadSpec,
  messageTemplate,
  responseMessage,
  uploadFormats,
  type MessageTemplate,
  type OpenAPIDocument,
  type OperationInfo,
  type SpecValidator,
  type UploadFormat,
} from '@identitycall/openapi';

/** The facts of one spec document the guard works from. */
export interface SpecFacts {
  readonly doc: OpenAPIDocument;
  readonly operations: readonly OperationInfo[];
  readonly validator: SpecValidator;
  /** The path of `servers[0].url` without a trailing slash, e.g. `/api/v1/public` (may be `''`). */
  readonly basePath: string;
  /** Largest JSON request body, in bytes (`x-max-bytes`). */
  readonly jsonBodyLimit: number;
  /** The 413 message for a JSON body over the limit (`PayloadTooLarge`). */
  readonly payloadTooLarge: string;
  /** The 400 message for a body that is not JSON (`MalformedJson`'s template). */
  readonly malformedJson: MessageTemplate;
  /** The 401 message for a missing or malformed key, for an operation that documents none (the first any operation documents). */
  readonly unauthorized: string;
  /** The 404 message for an id that names nothing (`NotFound`). */
  readonly notFound: string;
  /** The accepted upload formats (`x-upload-formats`). */
  readonly uploadFormats: readonly UploadFormat[];
  /** The upload operation and its documented refusals. */
  readonly upload: {
    readonly operation: OperationInfo;
    readonly fileRequired: string;
    readonly invalidFileType: string;
    readonly fileTooLarge: string;
  };
}

/** The first message of `op`'s documented `status` examples that `pick` keeps. */
function documented(op: OperationInfo, status: number, pick?: (exampleName: string) => boolean): string {
  const [message] = errorMessages(op, status, pick && ((name) => pick(name)));
  if (message === undefined)
    throw new Error(`${op.operationId} documents no ${status} message${pick ? ' for the example the mock needs' : ''}`);
  return message;
}

function firstUnauthorized(operations: readonly OperationInfo[]): string {
  const message = operations.flatMap((op) => errorMessages(op, 401))[0];
  if (message === undefined) throw new Error('No operation of the spec documents a 401 message');
  return message;
}

/** The path of the spec's first server URL, e.g. `/api/v1/public` for `https://host/api/v1/public/`. */
export function basePathOf(doc: OpenAPIDocument): string {
  const url = doc.servers?.[0]?.url;
  if (!url) return '';
  return new URL(url, 'http://placeholder.invalid').pathname.replace(/\/+$/, '');
}

/**
 * Reads the facts of `doc` (default: the bundled spec).
 * @throws Error when the spec lacks one of them (a broken spec must not start a half-working mock).
 */
export function readFacts(doc: OpenAPIDocument = loadSpec()): SpecFacts {
  const operations = listOperations(doc);
  // The one operation that takes a form (the same one `x-upload-formats` is read from).
  const upload = operations.find((op) => op.requestBody?.content.some((m) => m.contentType === 'multipart/form-data'));
  if (!upload) throw new Error('No operation of the spec takes a multipart/form-data body');
  return {
    doc,
    operations,
    validator: createValidator(doc),
    basePath: basePathOf(doc),
    jsonBodyLimit: jsonBodyLimit(doc),
    payloadTooLarge: responseMessage(doc, 'PayloadTooLarge'),
    malformedJson: messageTemplate(doc, 'MalformedJson'),
    unauthorized: firstUnauthorized(operations),
    notFound: responseMessage(doc, 'NotFound'),
    uploadFormats: uploadFormats(doc),
    upload: {
      operation: upload,
      fileRequired: documented(upload, 400),
      invalidFileType: documented(upload, 422, (name) => name === 'invalidFileType'),
      fileTooLarge: documented(upload, 422, (name) => name === 'fileTooLarge'),
    },
  };
}

let bundled: SpecFacts | undefined;

/** The facts of the bundled spec, read on first use. */
export function bundledFacts(): SpecFacts {
  bundled ??= readFacts();
  return bundled;
}
