/**
 * The tenant admin routes, behind the same guard as the others (./admin-guard.ts):
 *
 * - `POST /__sandbox/tenants` (optional body `{"processing": …}`) → 201 `{"data": <tenant with keys>}`;
 *   429 with `Retry-After` when the tenant cap is reached
 * - `GET /__sandbox/tenants` → 200 `{"data": [<tenant without keys>], "meta": {count, max, idle_timeout_ms}}`
 * - `GET /__sandbox/tenants/{id}` → 200 `{"data": <tenant with keys>}`
 * - `POST /__sandbox/tenants/{id}/reset` → 200 `{"data": <tenant with keys>}` (its account back to the seed, same keys)
 * - `DELETE /__sandbox/tenants/{id}` → 200 `{"data": {"id": …, "deleted": true}}` (its keys then get 401)
 * - `POST /__sandbox/tenants/{id}/recordings/{ref}/advance` → 200 `{"data": <recording>}`
 *
 * An unknown, deleted or expired tenant gets 404.
 * @see ../../README.md#tenants
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, methodNotAllowed, notFound } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';
import { readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import type { ApiKeyRecord } from '../state/model.js';
import { processingModeProblem, type ProcessingMode } from '../state/processing-mode.js';
import type { Store } from '../state/store.js';
import { TENANT_ID_PATTERN, TenantLimitError, type TenantInfo, type TenantLimits } from '../state/tenants.js';

/** A tenant with what a test run needs to use it: the API's base path and its keys. */
export interface TenantDetail extends TenantInfo {
  /** The API's base path on this sandbox (`/api/v1/public`): the tenant's base URL is the sandbox's. */
  base_path: string;
  /** Its API keys, one for each key of the seed (same names, permissions and projects), random. */
  keys: ApiKeyRecord[];
}

/** What the tenant routes act on (the sandbox implements it). */
export interface TenantControl {
  /** @throws TenantLimitError when the cap is reached; ApiError when tenants are not available. */
  create(processing: ProcessingMode | null): Promise<TenantDetail>;
  list(): TenantInfo[];
  get(id: string): TenantDetail | undefined;
  reset(id: string): Promise<TenantDetail | undefined>;
  delete(id: string): Promise<boolean>;
  /** The tenant's account, for the admin routes that act inside it. */
  account(id: string): Store | undefined;
  limits(): Readonly<TenantLimits>;
}

/** The largest body of `POST /__sandbox/tenants`: a few options, never more. */
export const TENANT_BODY_LIMIT = 16 * 1024;

const OPTIONS = ['processing'];

const tenantNotFound = (id: string): ApiError =>
  new ApiError(404, {
    error: `${SANDBOX_MESSAGES.tenantNotFound}: ${JSON.stringify(id.slice(0, 64))} (deleted, expired or never created)`,
  });

const badOptions = (why: string): ApiError => new ApiError(400, { error: `${SANDBOX_MESSAGES.tenantOptions}: ${why}` });

/** The options of a new tenant from the request body (none: the defaults). */
async function createOptions(req: IncomingMessage): Promise<{ processing: ProcessingMode | null }> {
  const body = await readJson(req, TENANT_BODY_LIMIT);
  if (body === undefined) return { processing: null };
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badOptions(`the body must be a JSON object, got ${JSON.stringify(body).slice(0, 40)}`);
  const unknown = Object.keys(body).filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0) throw badOptions(`unknown field ${JSON.stringify(unknown[0]!.slice(0, 40))} (known: ${OPTIONS.join(', ')})`);
  const processing = (body as { processing?: unknown }).processing;
  if (processing === undefined || processing === null) return { processing: null };
  const problem = processingModeProblem(processing);
  if (problem) throw badOptions(`field "processing": ${problem.slice(0, 160)}`);
  return { processing: processing as ProcessingMode };
}

/**
 * Answers a request for `/tenants…` (`path` is relative to the admin prefix). Returns false when the
 * path is not a tenant route; throws ApiError for refused requests.
 * @param post checks that the request is a POST declared as JSON (throws otherwise)
 * @param advance answers the advance route inside an account
 */
export async function handleTenantRequest(
  tenants: TenantControl,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  post: () => void,
  advance: (store: Store, ref: string) => Promise<void>,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (path === '/tenants') {
    if (method === 'GET') {
      const data = tenants.list();
      const { max, idleMs } = tenants.limits();
      sendJson(res, 200, { data, meta: { count: data.length, max, idle_timeout_ms: idleMs } });
      return true;
    }
    if (method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
    post();
    const options = await createOptions(req);
    try {
      sendJson(res, 201, { data: await tenants.create(options.processing) });
    } catch (e) {
      if (!(e instanceof TenantLimitError)) throw e;
      if (e.retryAfterMs === undefined) {
        throw new ApiError(429, { error: `${SANDBOX_MESSAGES.tenantLimit}: tenants are turned off on this sandbox (--max-tenants 0).` });
      }
      const seconds = Math.max(1, Math.ceil(e.retryAfterMs / 1000));
      const error =
        `${SANDBOX_MESSAGES.tenantLimit}: ${e.max} tenants exist. Delete one (DELETE /__sandbox/tenants/{id}), ` +
        `wait ${seconds} s for the least recently used one to expire, or start the sandbox with a higher --max-tenants.`;
      throw new ApiError(429, { error }, { 'retry-after': String(seconds) });
    }
    return true;
  }
  const m = /^\/tenants\/([^/]+)(\/.*)?$/.exec(path);
  if (!m) return false;
  const id = m[1]!;
  const rest = m[2] ?? '';
  // An id that cannot be a tenant's is unknown, like any other.
  if (!TENANT_ID_PATTERN.test(id)) throw tenantNotFound(id);
  if (rest === '') {
    if (method === 'GET') {
      const tenant = tenants.get(id);
      if (!tenant) throw tenantNotFound(id);
      sendJson(res, 200, { data: tenant });
      return true;
    }
    if (method !== 'DELETE') throw methodNotAllowed(['GET', 'DELETE']);
    if (!(await tenants.delete(id))) throw tenantNotFound(id);
    sendJson(res, 200, { data: { id, deleted: true } });
    return true;
  }
  if (rest === '/reset') {
    post();
    const tenant = await tenants.reset(id);
    if (!tenant) throw tenantNotFound(id);
    sendJson(res, 200, { data: tenant });
    return true;
  }
  const advanced = /^\/recordings\/([^/]+)\/advance$/.exec(rest);
  if (advanced) {
    post();
    const account = tenants.account(id);
    if (!account) throw tenantNotFound(id);
    await advance(account, advanced[1]!);
    return true;
  }
  throw notFound();
}
