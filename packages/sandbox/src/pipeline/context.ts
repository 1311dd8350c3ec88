/**
 * What an operation handler gets and gives back. Handlers are synchronous: a request is validated
 * and applied in one turn of the event loop, so concurrent requests never interleave inside one.
 * @see ../resources/operators.ts
 */
import type { OperationInfo } from '@identitycall/openapi';
import type { Scope } from '../auth/api-keys.js';
import type { FormBody } from '../http/upload-body.js';
import type { ProcessingMode } from '../state/processing.js';
import type { Store } from '../state/store.js';
import type { RequestValidation } from '../validation/request-validation.js';
import type { AudioFormat } from '../validation/upload-formats.js';

/** Settings every handler can read. */
export interface AppSettings {
  /** Region for phone numbers written in a local format. */
  phoneRegion: string;
  processing: ProcessingMode;
  /** Largest accepted file per audio format, in bytes. */
  uploadLimits: Record<AudioFormat, number>;
}

/** The sandbox as handlers see it. */
export interface App {
  store: Store;
  validation: RequestValidation;
  settings: AppSettings;
}

/** One request, parsed and authorised. */
export interface RequestContext {
  app: App;
  op: OperationInfo;
  scope: Scope;
  params: Record<string, number | string>;
  query: Record<string, unknown>;
  /** The JSON body (undefined when empty or not JSON). */
  body: unknown;
  /** The multipart body, for operations that take one. */
  form: FormBody | undefined;
}

/** A handler's answer. */
export interface HandlerResult {
  status: number;
  body?: unknown;
}

/** Handles one operation. Throws ApiError for documented failures. */
export type Handler = (ctx: RequestContext) => HandlerResult;
