import { packageTestConfig } from '../../vitest.shared.ts';

// Git fixtures, `pnpm pack`, Redocly and Chromium each take a few seconds.
export default packageTestConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
