import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({
  test: {
    globalSetup: ['./src/vitest/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
