/**
 * Every message the sandbox answers with, in one place. Documented messages are read from the
 * spec's response examples when the package loads (a spec without one fails the start, loudly);
 * none is typed here. Messages the docs leave undocumented are the sandbox's own and are listed in
 * {@link SANDBOX_MESSAGE_TABLE}, each with the reason it exists.
 * @see ../../../../spec/DECISIONS.md (B18, B21, B23)
 */
import {
  PERMISSIONS,
  errorMessages,
  listOperations,
  loadSpec,
  messageTemplate,
  permissionMessage,
  responseMessage,
  type Permission,
} from '@identitycall/openapi';

const doc = loadSpec();

/**
 * The 401 message: the first example every secured operation documents for 401 (the Operators
 * pages' wording, B5). They must agree, or the sandbox could not answer them all alike.
 */
function unauthorizedMessage(): string {
  const firsts = new Set(
    listOperations(doc)
      .filter((op) => op.secured)
      .map((op) => errorMessages(op, 401)[0]),
  );
  const [message, ...others] = [...firsts];
  if (message === undefined || others.length > 0) {
    throw new Error(`The secured operations' first 401 examples disagree or are missing: ${[...firsts].map(String).join(', ')}`);
  }
  return message;
}

/** The documented messages the sandbox answers with, by meaning, read from the spec's shared responses. */
export const MESSAGES = {
  invalidApiKey: unauthorizedMessage(),
  projectScopedCannotCreateOrDestroy: responseMessage(doc, 'ProjectCreateForbidden', 'projectScopedKey'),
  notFound: responseMessage(doc, 'NotFound'),
  fileRequired: responseMessage(doc, 'FileRequired'),
  invalidFileType: responseMessage(doc, 'RecordingFileInvalid', 'invalidFileType'),
  fileTooLarge: responseMessage(doc, 'RecordingFileInvalid', 'fileTooLarge'),
  transcriptionNotAvailable: responseMessage(doc, 'TranscriptionNotAvailable'),
  phoneNumberInvalid: responseMessage(doc, 'OperatorInvalid', 'phoneNumberInvalid'),
  /** 413 for a JSON body over `x-max-bytes`: `PayloadTooLarge`'s example word for word (B21). */
  bodyTooLarge: responseMessage(doc, 'PayloadTooLarge'),
  /** 429 (only ever sent by an injected fault). */
  rateLimited: responseMessage(doc, 'TooManyRequests'),
  /** 500, for a bug in the sandbox. */
  internal: responseMessage(doc, 'InternalServerError'),
} as const;

/** The 403 message for a key without each permission (`x-permissions`, B6). */
export const PERMISSION_MESSAGES: Readonly<Record<Permission, string>> = Object.freeze(
  Object.fromEntries(PERMISSIONS.map((p) => [p, permissionMessage(doc, p)])) as Record<Permission, string>,
);

const malformedJsonTemplate = messageTemplate(doc, 'MalformedJson');

/** The 400 message for a body that is not JSON, with the parser's message as the detail (B18). */
export const malformedJsonMessage = (detail: string): string => malformedJsonTemplate.format({ detail });

/** Whether `message` is a malformed-JSON message (for the fault that turns it into a 500). */
export const isMalformedJsonMessage = (message: string): boolean => malformedJsonTemplate.matches(message);

/**
 * The sandbox's own messages, where the docs document none: `[message, reason]`. Each reason says
 * why the answer exists at all; the README's "Decisions" section says the same for users.
 */
export const SANDBOX_MESSAGE_TABLE = {
  methodNotAllowed: ['Method not allowed', 'No operation documents a 405; a documented path with another method gets it, with `Allow`.'],
  bodyNotObject: [
    'Request body must be a JSON object',
    'Every JSON request schema is an object; an array or a scalar has no field to name.',
  ],
  malformedMultipart: [
    'Malformed multipart/form-data body',
    'Upload Recording documents no answer for a multipart body that does not parse.',
  ],
  projectIdRequired: ['project_id is required', 'The docs require project_id for account-wide keys on upload but give no message.'],
  projectScopedMismatch: [
    "project_id does not match the API key's project",
    'The 403 for a project-scoped key naming another project has no documented message.',
  ],
  numberNotAvailable: [
    'Phone number is not available for purchase',
    'Purchase documents no message for a number outside the available catalogue.',
  ],
  projectMustExist: ['Project must exist', 'Upload and Update Recording document no message for an unknown project_id (Rails wording).'],
  externalIdTaken: [
    'External id has already been taken',
    'Moving a recording onto a taken (project_id, external_id) pair is undocumented (Rails wording).',
  ],
  malformedContentType: [
    'Malformed Content-Type header',
    'A Content-Type outside the media-type grammar (RFC 9110 §8.3.1) names no way to read the body; no page documents the answer.',
  ],
  unsupportedContentType: [
    'Unsupported Content-Type',
    'A JSON body sent without Content-Type, as another type or in a charset other than UTF-8 gets 415 (RFC 9110 §15.5.16); no page documents it.',
  ],
  notUtf8: [
    'the body is not valid UTF-8 (JSON text is UTF-8, RFC 8259 §8.1)',
    "The detail of MalformedJson's template for bytes that are not UTF-8, which would otherwise be stored as U+FFFD.",
  ],
  malformedRequest: ['Malformed HTTP request', 'node:http refuses a request line or header it cannot parse before any route sees it.'],
  requestTimeout: ['Request timed out', "The connection limits (headersTimeout, requestTimeout) are the sandbox's own, not the API's."],
  headersTooLarge: ['Request headers too large', 'node:http refuses header blocks over its limit before any route sees them.'],
  badHostHeader: ['Bad Host header', 'RFC 9112 §3.2: an HTTP/1.1 request without a Host header, or with more than one, must get 400.'],
  connectNotSupported: [
    'CONNECT is not supported: the sandbox is an API server, not a proxy',
    'node:http drops a CONNECT without a word; a client deserves an answer.',
  ],
  hostNotAllowed: ['Host not allowed', 'DNS-rebinding protection of a local tool; the API has no such check.'],
  adminCrossSite: ['Cross-site requests to the admin routes are refused', "Protects a developer's sandbox from web pages they visit."],
  adminContentType: [
    'Admin POST routes need Content-Type: application/json',
    'A JSON content type makes browsers preflight the request, so a web page cannot send it.',
  ],
  adminTokenRequired: ['Admin token required', "Admin routes are the sandbox's own; a token guards them when one is set."],
  tenantNotFound: ['Tenant not found', "Tenants are the sandbox's own; an unknown, deleted or expired one gets 404 on the admin routes."],
  tenantLimit: [
    'Tenant limit reached',
    'The tenant cap bounds the memory of a shared sandbox; 429 with Retry-After says when an idle tenant frees a place.',
  ],
  tenantOptions: ['Invalid tenant options', "The body of POST /__sandbox/tenants is the sandbox's own; a wrong field gets 400 naming it."],
  tenantsWithFaults: [
    'Tenants are not available on a sandbox started with injected faults',
    'Injected faults act on the default account only; a tenant would silently not have them.',
  ],
} as const satisfies Record<string, readonly [message: string, reason: string]>;

/** The sandbox's own messages, by meaning (see {@link SANDBOX_MESSAGE_TABLE} for why each exists). */
export const SANDBOX_MESSAGES = Object.freeze(
  Object.fromEntries(Object.entries(SANDBOX_MESSAGE_TABLE).map(([k, [message]]) => [k, message])),
) as { readonly [K in keyof typeof SANDBOX_MESSAGE_TABLE]: (typeof SANDBOX_MESSAGE_TABLE)[K][0] };
