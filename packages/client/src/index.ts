/**
 * @identitycall/client — a typed client for the IdentityCall public API.
 * @see https://docs.identitycall.ai/api-reference
 */
export { createIdentityCallClient } from './client.js';
export type { IdentityCallClient } from './client.js';
export type { ClientOptions } from './options.js';
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  IdentityCallError,
  InternalServerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  errorForStatus,
  parseRetryAfter,
} from './errors.js';
export type { APIErrorInit, ErrorContext } from './errors.js';
export { APIConnectionError } from './connection-errors.js';
export type { OperatorsResource } from './resources/operators.js';
export type { ProjectsResource } from './resources/projects.js';
export type { RecordingListQuery, RecordingRef, RecordingsResource, UploadFile, UploadParams } from './resources/recordings.js';
export type { AvailableNumbersQuery, VirtualNumbersResource } from './resources/virtual-numbers.js';
export { DEFAULT_BASE_URL, SPEC_VERSION } from './generated/spec.gen.js';
export type * from '@identitycall/types';
