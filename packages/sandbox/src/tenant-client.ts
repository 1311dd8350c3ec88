/**
 * Taking a tenant of a shared sandbox over HTTP, for a test run in another process (a CI job, a
 * vitest global setup): `createTenant(adminUrl)` answers the tenant's base URL and keys,
 * `deleteTenant` gives it back. The admin token is sent when one is given or set in
 * IDENTITYCALL_SANDBOX_ADMIN_TOKEN. Errors name the status and the sandbox's message, never a key.
 * @see ../README.md#tenants
 */
import { ADMIN_PREFIX } from './admin/admin-routes.js';
import type { SandboxTenant, TenantDetail, TenantOptions } from './options.js';

/** The environment variable the admin token is read from when `adminToken` is not given. */
export const ADMIN_TOKEN_ENV = 'IDENTITYCALL_SANDBOX_ADMIN_TOKEN';

/** How to reach a shared sandbox's admin routes. */
export interface TenantClientOptions {
  /** The admin token the sandbox was started with. @default process.env.IDENTITYCALL_SANDBOX_ADMIN_TOKEN */
  adminToken?: string;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** A tenant route of the sandbox at `adminUrl` (its origin; any path of it is ignored). */
function routeOf(adminUrl: string | URL, path: string): URL {
  let url: URL;
  try {
    url = new URL(`${ADMIN_PREFIX}${path}`, adminUrl);
  } catch {
    throw new TypeError(`adminUrl: not a URL: ${JSON.stringify(String(adminUrl))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`adminUrl: expected an http(s) URL, got ${url.protocol}`);
  return url;
}

async function call(adminUrl: string | URL, path: string, method: string, options: TenantClientOptions, body?: unknown): Promise<Response> {
  const token = options.adminToken ?? (process.env[ADMIN_TOKEN_ENV] || undefined);
  const url = routeOf(adminUrl, path);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method,
      headers: {
        ...(method === 'POST' && { 'content-type': 'application/json' }),
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch (e) {
    const cause = (e as { cause?: { message?: unknown } }).cause?.message ?? (e as Error).message;
    throw new Error(`${method} ${url.origin}${url.pathname} failed: ${String(cause)} (is the sandbox running at ${url.origin}?)`, {
      cause: e,
    });
  }
  if (response.ok || response.status === 404) return response;
  const text = await response.text();
  let message = text.slice(0, 300);
  try {
    message = String((JSON.parse(text) as { error?: unknown }).error ?? message);
  } catch {
    // Not JSON (not a sandbox?): the start of the text says what answered.
  }
  throw new Error(`${method} ${url.origin}${url.pathname} answered ${response.status}: ${message}`);
}

const withUrl = (adminUrl: string | URL, tenant: TenantDetail): SandboxTenant => ({
  ...tenant,
  url: new URL(tenant.base_path, routeOf(adminUrl, '')).href.replace(/\/$/, ''),
});

/**
 * Creates a tenant on the sandbox at `adminUrl` (e.g. `http://127.0.0.1:4011`): an account of its
 * own with fresh keys, for one test run.
 * @throws Error naming the status and reason when the sandbox refuses (tenant cap reached: 429).
 */
export async function createTenant(adminUrl: string | URL, options: TenantClientOptions & TenantOptions = {}): Promise<SandboxTenant> {
  const body = options.processing === undefined ? {} : { processing: options.processing };
  const response = await call(adminUrl, '/tenants', 'POST', options, body);
  if (response.status !== 201) throw new Error(`POST ${routeOf(adminUrl, '/tenants').href} answered ${response.status}, expected 201`);
  return withUrl(adminUrl, ((await response.json()) as { data: TenantDetail }).data);
}

/** Restores a tenant's account to the seed (its keys stay). Undefined when it does not exist (deleted or expired). */
export async function resetTenant(
  adminUrl: string | URL,
  id: string,
  options: TenantClientOptions = {},
): Promise<SandboxTenant | undefined> {
  const response = await call(adminUrl, `/tenants/${encodeURIComponent(id)}/reset`, 'POST', options, {});
  if (response.status === 404) return undefined;
  return withUrl(adminUrl, ((await response.json()) as { data: TenantDetail }).data);
}

/** Deletes a tenant; its keys then get 401. Whether it existed (false once deleted or expired). */
export async function deleteTenant(adminUrl: string | URL, id: string, options: TenantClientOptions = {}): Promise<boolean> {
  const response = await call(adminUrl, `/tenants/${encodeURIComponent(id)}`, 'DELETE', options);
  await response.body?.cancel();
  return response.status === 200;
}
