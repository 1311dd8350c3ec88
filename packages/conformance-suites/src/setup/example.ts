/**
 * vitest global setup of the `example` project. The example reads its target from the environment
 * (IDENTITYCALL_BASE_URL and the keys), as it would in a team's own repository; unless those are
 * set, a sandbox is started here (or, with IDENTITYCALL_SANDBOX_ADMIN_URL set, a tenant of that
 * shared sandbox is taken) and its URL and keys are put into the environment of the test workers
 * (which start after this setup).
 */
import { sandboxTarget } from './shared-sandbox.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.IDENTITYCALL_BASE_URL?.trim()) return undefined;
  const target = await sandboxTarget();
  Object.assign(process.env, {
    IDENTITYCALL_BASE_URL: target.url,
    IDENTITYCALL_API_KEY: target.keys.full,
    IDENTITYCALL_READ_ONLY_KEY: target.keys.readOnly,
    IDENTITYCALL_PROJECT_KEY: target.keys.project,
  });
  return () => target.release();
}
