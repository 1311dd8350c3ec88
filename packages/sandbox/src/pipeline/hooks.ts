/**
 * The points where injected faults act on a request (see ../faults/): before authentication, in
 * place of authentication and authorisation, and on the answer just before it is sent. The
 * pipeline calls them only when a sandbox was started with faults.
 * @see ../../README.md#injected-faults
 */
import type { IncomingMessage } from 'node:http';
import type { OperationInfo } from '@identitycall/openapi';
import type { Scope } from '../auth/api-keys.js';
import type { FormBody } from '../http/upload-body.js';
import type { ApiKeyRecord } from '../state/model.js';
import type { HandlerResult } from './context.js';

/** An answer as the pipeline is about to send it. */
export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  close: boolean;
}

/** What the pipeline learnt about a request by the time it answers (fields set as they become known). */
export interface RequestInfo {
  req: IncomingMessage;
  op?: OperationInfo;
  scope?: Scope;
  body?: unknown;
  form?: FormBody;
}

/** The points where faults act on a running sandbox. */
export interface FaultHooks {
  /** Answers a routed request before authentication, or returns undefined to let it through. */
  intercept?(info: RequestInfo): HandlerResult | undefined;
  /** Replaces bearer-key authentication. */
  authenticate?(header: string | undefined, find: (token: string) => ApiKeyRecord | undefined): Scope;
  /** Replaces the `x-permission` check. */
  authorize?(scope: Scope, op: OperationInfo): void;
  /** Rewrites every answer (errors included) just before it is sent. */
  answer?(answer: Answer, info: RequestInfo): Answer;
}
