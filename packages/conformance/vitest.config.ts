/**
 * Three kinds of test: `unit` (the engine's parts, the CLI, the coverage guard), and the engine's
 * cases run as suites against the `mock` (Prism, stateless: the behaviour tier is skipped with the
 * reason) and the `sandbox` (stateful: everything runs). With IDENTITYCALL_BASE_URL set, the suites
 * run against that deployment (`external`) instead.
 */
import { packageTestConfig } from '../../vitest.shared.ts';

const SUITES = ['src/suites/conformance.test.ts'];
const external = Boolean(process.env.IDENTITYCALL_BASE_URL?.trim());
const target = (name: string, setup: string) => ({
  test: { name, include: SUITES, globalSetup: [setup], testTimeout: 120_000, hookTimeout: 120_000 },
});

export default packageTestConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: SUITES, testTimeout: 60_000, hookTimeout: 60_000 } },
      ...(external
        ? [target('external', './src/vitest/setup-external.ts')]
        : [target('mock', './src/vitest/setup-mock.ts'), target('sandbox', './src/vitest/setup-sandbox.ts')]),
    ],
  },
});
