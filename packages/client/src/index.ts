/**
 * @identitycall/client — a typed client for the IdentityCall public API.
 * @see https://docs.identitycall.ai/api-reference
 */
export { createIdentityCallClient } from './client.js';
export type { IdentityCallClient } from './client.js';
export type { ClientOptions, RequestOptions } from './options.js';
export type { RequestLogEvent, RequestLogger } from './logger.js';
export {
  APIError,
  APIResponseError,
  AuthenticationError,
  BadRequestError,
  IdentityCallError,
  InternalServerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  UploadValidationError,
  ValidationError,
  errorForStatus,
  parseRetryAfter,
} from './errors.js';
export type { APIErrorInit, APIResponseErrorInit, ErrorContext, UploadProblem } from './errors.js';
export { APIConnectionError, APITimeoutError, APIUserAbortError } from './connection-errors.js';
export type { OperatorsResource } from './resources/operators.js';
export type { ProjectsResource } from './resources/projects.js';
export type {
  RecordingIterateQuery,
  RecordingListQuery,
  RecordingRef,
  RecordingsResource,
  UploadFile,
  UploadParams,
} from './resources/recordings.js';
export type { AvailableNumbersQuery, VirtualNumbersResource } from './resources/virtual-numbers.js';
export { DEFAULT_BASE_URL, SPEC_VERSION, UPLOAD_LIMITS } from './generated/spec.gen.js';
export type * from '@identitycall/types';
