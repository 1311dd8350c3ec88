import { packageTestConfig } from '../../vitest.shared.ts';

// Most files start Prism, which takes seconds on a loaded machine; requests to it get generous
// time too. Hooks that start one set their own, longer timeout (test/helpers.ts).
export default packageTestConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } });
