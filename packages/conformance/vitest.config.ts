/**
 * The engine's own tests: its parts (checks, generation, ledger, transport, reports, CLI), the
 * coverage guard and the layout guard. They need no mock and no sandbox (a few start a small
 * counting server); runs against those live in `@identitycall/conformance-suites`.
 */
import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({
  // The CLI tests run whole (dry) runs in a child process: generous, so a busy machine is only slower.
  test: { testTimeout: 180_000, hookTimeout: 180_000 },
});
