/**
 * The sandbox a suite runs against: a tenant of a shared sandbox when IDENTITYCALL_SANDBOX_ADMIN_URL
 * names one (parallel CI jobs each take their own tenant, so they never see each other's data and
 * no reset wipes another job's), otherwise a sandbox of its own on a free port. `release` gives the
 * tenant back (or stops the sandbox). The admin token, when the shared sandbox has one, comes from
 * IDENTITYCALL_SANDBOX_ADMIN_TOKEN.
 */
import { ADMIN_TOKEN_ENV, createTenant, deleteTenant, startSandbox } from '@identitycall/sandbox';
import { sandboxKeys, type SandboxKeys } from '../sandbox-keys.js';

/** The environment variable naming a shared sandbox (its origin, e.g. `http://127.0.0.1:4011`). */
export const SHARED_SANDBOX_ENV = 'IDENTITYCALL_SANDBOX_ADMIN_URL';

/** A sandbox to run against, and how to give it back. */
export interface SandboxTarget {
  /** The API's base URL. */
  url: string;
  keys: SandboxKeys;
  /** The tenant taken from the shared sandbox; undefined for a sandbox of its own. */
  tenantId: string | undefined;
  /** Deletes the tenant, or stops the sandbox. */
  release(): Promise<void>;
}

/** A tenant of the shared sandbox named in `env`, or a new sandbox when none is. */
export async function sandboxTarget(env: Record<string, string | undefined> = process.env): Promise<SandboxTarget> {
  const adminUrl = env[SHARED_SANDBOX_ENV]?.trim();
  if (adminUrl) {
    const adminToken = env[ADMIN_TOKEN_ENV]?.trim() || undefined;
    const tenant = await createTenant(adminUrl, { adminToken });
    return {
      url: tenant.url,
      keys: sandboxKeys(tenant.keys),
      tenantId: tenant.id,
      release: async () => {
        await deleteTenant(adminUrl, tenant.id, { adminToken });
      },
    };
  }
  const sandbox = await startSandbox({ port: 0 });
  return { url: sandbox.url, keys: sandboxKeys(sandbox.keys), tenantId: undefined, release: () => sandbox.stop() };
}
