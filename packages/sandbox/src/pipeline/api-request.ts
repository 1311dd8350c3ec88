/**
 * One API request from arrival to answer: route (404/405), authenticate (401), authorise (403),
 * path parameters (404), query (422/400), body (400/413/415/422; a JSON body is read only when
 * its Content-Type says JSON), handler, wait for the data file, answer. Every failure is answered
 * in a documented envelope; nothing escapes as a crash.
 * @see ../routing/router.ts
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationInfo } from '@identitycall/openapi';
import { authenticate, authorize } from '../auth/api-keys.js';
import { ApiError, internalError, methodNotAllowed, notFound } from '../errors/api-error.js';
import { ClientGoneError, announcesBody, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { readUploadForm, type FormBody } from '../http/upload-body.js';
import type { Router } from '../routing/router.js';
import type { ApiKeyRecord } from '../state/model.js';
import type { App, Handler, HandlerResult } from './context.js';
import type { Answer, FaultHooks, RequestInfo } from './hooks.js';

/** What the pipeline needs besides the app. */
export interface PipelineDeps {
  /** The default account, for requests whose key is none of a tenant's. */
  app: App;
  /** The key a bearer token names and the account (default or tenant) it belongs to. */
  findKey: (token: string) => { key: ApiKeyRecord; app: App } | undefined;
  router: Router;
  handlers: Readonly<Record<string, Handler>>;
  basePath: string;
  /** Resolves when every change so far is durable (a no-op without a data file). */
  sync: () => Promise<void>;
  /** Called with unexpected errors (bugs); the client gets a 500 in the documented envelope. */
  onError: (error: unknown) => void;
  /** Hooks of injected faults (see ../faults/); undefined in normal use. */
  faults?: FaultHooks;
}

const takesMultipart = (contentTypes: readonly string[]): boolean => contentTypes.includes('multipart/form-data');

/** Whether the request carries a JSON body (other bodies of body-less operations are ignored). */
const hasJsonBody = (req: IncomingMessage): boolean => /\bjson\b/i.test(req.headers['content-type'] ?? '') && announcesBody(req);

/**
 * Whether a body-less operation reads query parameters from a JSON body too: only where the spec
 * says so (`x-also-in-body`: Detach Operator documents `operator_id` "in the query or in a JSON
 * body"). Any other body-less operation ignores a body, so it answers only the statuses the spec
 * documents for it (DECISIONS.md B25, B27).
 */
const readsQueryFromBody = (op: OperationInfo): boolean => op.parameters.some((p) => p.alsoInBody);

/** Copies scalar body fields into query parameters the query string left out. */
function fillQueryFromBody(op: OperationInfo, search: URLSearchParams, body: unknown): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  for (const p of op.parameters) {
    if (p.in !== 'query' || !p.alsoInBody || search.has(p.name)) continue;
    const value = (body as Record<string, unknown>)[p.name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') search.set(p.name, String(value));
  }
}

/** Routes, authenticates, validates and handles one request; throws ApiError for documented failures. */
async function process(
  deps: PipelineDeps,
  req: IncomingMessage,
  pathname: string,
  search: string,
  info: RequestInfo,
): Promise<HandlerResult> {
  const { app, router, handlers, faults } = deps;
  const match = router.match(req.method ?? 'GET', pathname.slice(deps.basePath.length) || '/');
  if (!match) throw notFound();
  if (match.kind === 'method-not-allowed') throw methodNotAllowed(match.allow);
  const op = match.operation;
  info.op = op;
  const handler = handlers[op.operationId];
  // checkHandlers refused to start without one, so this is a bug.
  if (!handler) throw new Error(`No handler for ${op.operationId}`);
  const early = faults?.intercept?.(info);
  if (early) return early;

  // The key decides the account: the default one, or the tenant it belongs to.
  let account: App = app;
  const scope = (faults?.authenticate ?? authenticate)(req.headers.authorization, (token) => {
    const found = deps.findKey(token);
    if (found) account = found.app;
    return found?.key;
  });
  info.scope = scope;
  (faults?.authorize ?? authorize)(scope, op);
  const params = app.validation.pathParams(op, match.params);
  const searchParams = new URLSearchParams(search);

  let body: unknown;
  let form: FormBody | undefined;
  const contentTypes = op.requestBody?.content.map((m) => m.contentType.toLowerCase()) ?? [];
  if (takesMultipart(contentTypes)) {
    form = await readUploadForm(req, account.settings.uploadLimits);
  } else if (contentTypes.length > 0) {
    body = await readJson(req);
  } else if (readsQueryFromBody(op) && hasJsonBody(req)) {
    // An operation without a request body may still get its query parameters as a JSON body
    // (Detach Operator documents `operator_id` "in the query or in a JSON body").
    fillQueryFromBody(op, searchParams, await readJson(req));
  }
  info.body = body;
  info.form = form;
  const query = app.validation.query(op, searchParams);

  const result = handler({ app: account, op, scope, params, query, body, form });
  await deps.sync();
  return result;
}

/** Answers one request under the API's base path. */
export async function handleApiRequest(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
): Promise<void> {
  const info: RequestInfo = { req };
  if (!deps.faults) {
    await guarded(res, deps.onError, async () => {
      const result = await process(deps, req, pathname, search, info);
      sendJson(res, result.status, result.body);
    });
    return;
  }
  // With injected faults the answer (an error included) is computed first, so the faults can
  // rewrite it before it is sent.
  let answer: Answer;
  try {
    const result = await process(deps, req, pathname, search, info);
    answer = { status: result.status, body: result.body, headers: {}, close: false };
  } catch (e) {
    if (e instanceof ClientGoneError) return;
    if (e instanceof ApiError) {
      answer = { status: e.status, body: e.body, headers: e.headers, close: e.closeConnection };
    } else {
      deps.onError(e);
      answer = { status: 500, body: internalError().body, headers: {}, close: true };
    }
  }
  const hooks = deps.faults;
  await guarded(res, deps.onError, () => {
    const final = hooks.answer ? hooks.answer(answer, info) : answer;
    sendJson(res, final.status, final.body, final.headers, final.close);
  });
}

/** Answers a request that is neither under the base path nor an admin route. */
export function handleUnknownPath(res: ServerResponse): void {
  const e = notFound();
  sendJson(res, e.status, e.body);
}

/** Runs `fn`, answering ApiErrors in their envelope and anything else as a logged 500. */
export async function guarded(res: ServerResponse, onError: (e: unknown) => void, fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ClientGoneError) return;
    if (e instanceof ApiError) return sendJson(res, e.status, e.body, e.headers, e.closeConnection);
    onError(e);
    const fallback = internalError();
    sendJson(res, fallback.status, fallback.body, {}, true);
  }
}
