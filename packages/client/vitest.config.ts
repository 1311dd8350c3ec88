import { packageTestConfig } from '../../vitest.shared.ts';

// Some tests compile TypeScript or start Chromium; on two busy cores those take seconds.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
