/**
 * Errors as data: every error the sandbox answers with, as typed templates in the API's documented
 * envelopes (`{"error": "…"}` or `{"errors": ["…"]}`). The documented strings live here once; the
 * test suite checks that each of them appears among the spec's examples.
 * @see https://docs.identitycall.ai/api-reference/errors
 */

/** The generic envelope. */
export interface ErrorEnvelope {
  error: string;
}

/** The validation envelope used by model validation failures. */
export interface ErrorsEnvelope {
  errors: string[];
}

/** An error answer: the status, the body and any extra headers. Thrown by handlers, sent by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorEnvelope | ErrorsEnvelope,
    readonly headers: Record<string, string> = {},
    /** Close the connection after answering (the request body was not read to its end). */
    readonly closeConnection = false,
  ) {
    super('error' in body ? body.error : body.errors.join('; '));
    this.name = 'ApiError';
  }
}

/** The documented error strings, by meaning. */
export const MESSAGES = {
  /** 401 — the Operators pages' wording (the spec's first example; see its DECISIONS.md). */
  invalidApiKey: 'Invalid API key',
  readPermissionRequired: 'Read permission required',
  writePermissionRequired: 'Write permission required',
  deletePermissionRequired: 'Delete permission required',
  projectScopedCannotCreateOrDestroy: 'Project-scoped API keys cannot create or destroy projects',
  notFound: 'Resource not found',
  fileRequired: 'file is required',
  invalidFileType: 'Invalid file type',
  fileTooLarge: 'File too large',
  transcriptionNotAvailable: 'Transcription not available',
  phoneNumberInvalid: 'Phone number is invalid',
  nameBlank: "Name can't be blank",
  phoneNumberRequired: 'phone_number is required',
} as const;

/** Strings the docs leave undocumented; the sandbox's own wording (see README, "Decisions"). */
export const SANDBOX_MESSAGES = {
  malformedJson: 'Malformed JSON in request body',
  bodyTooLarge: 'Request body too large (limit 1 MiB)',
  methodNotAllowed: 'Method not allowed',
  bodyNotObject: 'Request body must be a JSON object',
  malformedMultipart: 'Malformed multipart/form-data body',
  projectIdRequired: 'project_id is required',
  projectScopedMismatch: "project_id does not match the API key's project",
  numberNotAvailable: 'Phone number is not available for purchase',
  internal: 'Internal server error',
} as const;

/** Permission names as `x-permission` spells them. */
export type Permission = 'read' | 'write' | 'delete';

const PERMISSION_MESSAGE: Record<Permission, string> = {
  read: MESSAGES.readPermissionRequired,
  write: MESSAGES.writePermissionRequired,
  delete: MESSAGES.deletePermissionRequired,
};

/** 401 for a missing, malformed or unknown key. */
export const unauthorized = (): ApiError => new ApiError(401, { error: MESSAGES.invalidApiKey });

/** 403 for a key without the permission the operation's `x-permission` names. */
export const permissionRequired = (permission: Permission): ApiError =>
  new ApiError(403, { error: PERMISSION_MESSAGE[permission] });

/** 403 for a project-scoped key that creates or deletes a project. */
export const projectScopedForbidden = (): ApiError =>
  new ApiError(403, { error: MESSAGES.projectScopedCannotCreateOrDestroy });

/** 403 for a project-scoped key that names another project on a recording. */
export const projectMismatch = (): ApiError => new ApiError(403, { error: SANDBOX_MESSAGES.projectScopedMismatch });

/** 404 — missing, deleted, or outside a project-scoped key's project (never 403, so nothing leaks). */
export const notFound = (): ApiError => new ApiError(404, { error: MESSAGES.notFound });

/** 405 with the `Allow` header listing the path's documented methods. */
export const methodNotAllowed = (allow: readonly string[]): ApiError =>
  new ApiError(405, { error: SANDBOX_MESSAGES.methodNotAllowed }, { allow: allow.join(', ') });

/** 400 for a body that is not JSON. */
export const malformedJson = (detail?: string): ApiError =>
  new ApiError(400, { error: detail ? `${SANDBOX_MESSAGES.malformedJson}: ${detail}` : SANDBOX_MESSAGES.malformedJson });

/** 413 for a JSON body over the limit. */
export const bodyTooLarge = (): ApiError => new ApiError(413, { error: SANDBOX_MESSAGES.bodyTooLarge });

/** 422 in the generic envelope (one message). */
export const unprocessable = (message: string, closeConnection = false): ApiError =>
  new ApiError(422, { error: message }, {}, closeConnection);

/** 422 in the validation envelope (every message). */
export const invalid = (messages: string[]): ApiError => new ApiError(422, { errors: messages });

/** 400 in the generic envelope. */
export const badRequest = (message: string, closeConnection = false): ApiError =>
  new ApiError(400, { error: message }, {}, closeConnection);

/** 500 — only for a bug in the sandbox; every input is meant to get a documented 4xx instead. */
export const internalError = (): ApiError => new ApiError(500, { error: SANDBOX_MESSAGES.internal });
