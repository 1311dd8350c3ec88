import { packageTestConfig } from '../../vitest.shared.ts';

// The runner's tests start local servers and wait for sockets to close; on a loaded machine that
// takes more than the default 5 s now and then.
export default packageTestConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
