/**
 * Admin routes, outside the API's base path and without API keys: reset to the seed, list the
 * keys, advance a recording's processing. Every one first passes the admin guard (no cross-site
 * caller, the admin token when one is set), and a POST must be declared JSON (./admin-guard.ts).
 *
 * - `POST /__sandbox/reset` → 200 `{"data": {"reset": true}}`
 * - `GET /__sandbox/keys` → 200 `{"data": [{key, name, permissions, project_id}]}`
 * - `POST /__sandbox/recordings/{id}/advance` → 200 `{"data": <recording>}` (one processing step)
 * - `/__sandbox/tenants…`: create, list, reset and delete tenants (./tenant-routes.ts)
 * @see ../../README.md#admin-routes
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowed, notFound } from '../errors/api-error.js';
import { sendJson } from '../http/respond.js';
import type { App } from '../pipeline/context.js';
import { recordingDetail } from '../resources/views.js';
import { advanceRecording } from '../state/processing.js';
import type { Store } from '../state/store.js';
import type { AdminGuard } from './admin-guard.js';
import { handleTenantRequest, type TenantControl } from './tenant-routes.js';

/** The prefix of every admin route. */
export const ADMIN_PREFIX = '/__sandbox';

/** What the admin routes act on. */
export interface AdminDeps {
  app: App;
  guard: AdminGuard;
  reset: () => Promise<void>;
  sync: () => Promise<void>;
  tenants: TenantControl;
}

/** Answers an admin request; throws ApiError for refused callers, unknown routes and methods. */
export async function handleAdminRequest(deps: AdminDeps, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const refused = deps.guard.check(req);
  if (refused) throw refused;
  const path = pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  const method = req.method ?? 'GET';
  const post = (): void => {
    if (method !== 'POST') throw methodNotAllowed(['POST']);
    const notJson = deps.guard.checkPost(req);
    if (notJson) throw notJson;
  };
  if (path === '/reset') {
    post();
    await deps.reset();
    return sendJson(res, 200, { data: { reset: true } });
  }
  if (path === '/keys') {
    if (method !== 'GET') throw methodNotAllowed(['GET']);
    return sendJson(res, 200, { data: deps.app.store.keys.list() });
  }
  const advance = async (store: Store, ref: string): Promise<void> => {
    const recording = store.recordings.get(/^\d{1,15}$/.test(ref) ? Number(ref) : ref);
    if (!recording) throw notFound();
    const next = advanceRecording(store, recording);
    await deps.sync();
    sendJson(res, 200, { data: recordingDetail(store, next) });
  };
  const advanced = /^\/recordings\/([^/]+)\/advance$/.exec(path);
  if (advanced) {
    post();
    return advance(deps.app.store, advanced[1]!);
  }
  if (await handleTenantRequest(deps.tenants, req, res, path, post, advance)) return;
  throw notFound();
}
