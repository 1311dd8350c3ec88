/**
 * Errors as data: every error the sandbox answers with, as a typed value in one of the API's
 * documented envelopes (`{"error": "…"}` or `{"errors": ["…"]}`), thrown by any stage and sent by
 * the HTTP edge. The texts come from ./messages.ts.
 * @see https://docs.identitycall.ai/api-reference/errors
 */
import type { Permission } from '@identitycall/openapi';
import { MESSAGES, PERMISSION_MESSAGES, SANDBOX_MESSAGES, malformedJsonMessage } from './messages.js';

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

/** 401 for a missing, malformed or unknown key. */
export const unauthorized = (): ApiError => new ApiError(401, { error: MESSAGES.invalidApiKey });

/** 403 for a key without the permission the operation's `x-permission` names. */
export const permissionRequired = (permission: Permission): ApiError => new ApiError(403, { error: PERMISSION_MESSAGES[permission] });

/** 403 for a project-scoped key that creates or deletes a project. */
export const projectScopedForbidden = (): ApiError => new ApiError(403, { error: MESSAGES.projectScopedCannotCreateOrDestroy });

/** 403 for a project-scoped key that names another project on a recording. */
export const projectMismatch = (): ApiError => new ApiError(403, { error: SANDBOX_MESSAGES.projectScopedMismatch });

/** 404 — missing, deleted, or outside a project-scoped key's project (never 403, so nothing leaks). */
export const notFound = (): ApiError => new ApiError(404, { error: MESSAGES.notFound });

/** 405 with the `Allow` header listing the path's documented methods. */
export const methodNotAllowed = (allow: readonly string[]): ApiError =>
  new ApiError(405, { error: SANDBOX_MESSAGES.methodNotAllowed }, { allow: allow.join(', ') });

/** 400 for a body that is not JSON; `detail` is the parser's message. */
export const malformedJson = (detail: string): ApiError => new ApiError(400, { error: malformedJsonMessage(detail) });

/** 413 for a JSON body over the spec's limit. */
export const bodyTooLarge = (closeConnection = false): ApiError => new ApiError(413, { error: MESSAGES.bodyTooLarge }, {}, closeConnection);

/** 422 in the generic envelope (one message). */
export const unprocessable = (message: string, closeConnection = false): ApiError =>
  new ApiError(422, { error: message }, {}, closeConnection);

/** 422 in the validation envelope (every message). */
export const invalid = (messages: string[]): ApiError => new ApiError(422, { errors: messages });

/** 400 in the generic envelope. */
export const badRequest = (message: string, closeConnection = false): ApiError =>
  new ApiError(400, { error: message }, {}, closeConnection);

/** 500 — only for a bug in the sandbox; every input is meant to get a documented 4xx instead. */
export const internalError = (): ApiError => new ApiError(500, { error: MESSAGES.internal });
