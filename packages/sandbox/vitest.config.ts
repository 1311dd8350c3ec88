/**
 * The sandbox's tests start real servers and child processes, so no test may depend on the
 * machine's speed: every test and hook gets a generous timeout (a limit for a hang, not a
 * measure), and the CLI is built once before the test files start.
 */
import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
