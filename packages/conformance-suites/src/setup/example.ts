/**
 * vitest global setup of the `example` project. The example reads its target from the environment
 * (IDENTITYCALL_BASE_URL and the keys), as it would in a team's own repository; unless those are
 * set, a sandbox is started here and its URL and keys are put into the environment of the test
 * workers (which start after this setup).
 */
import { startSandbox } from '@identitycall/sandbox';
import { sandboxKeys } from '../sandbox-keys.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.IDENTITYCALL_BASE_URL?.trim()) return undefined;
  const sandbox = await startSandbox({ port: 0 });
  const keys = sandboxKeys(sandbox.keys);
  Object.assign(process.env, {
    IDENTITYCALL_BASE_URL: sandbox.url,
    IDENTITYCALL_API_KEY: keys.full,
    IDENTITYCALL_READ_ONLY_KEY: keys.readOnly,
    IDENTITYCALL_PROJECT_KEY: keys.project,
  });
  return () => sandbox.stop();
}
