/**
 * Shared vitest settings for every workspace package: each package writes a JSON report to
 * `test-results/vitest.json`, which `scripts/test-summary.mjs` adds up for CI.
 * @see https://vitest.dev/config/
 */
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

export function packageTestConfig(overrides: ViteUserConfig = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        // Test files of a worker share its module cache: the spec is loaded and its validators
        // compiled once per worker, not once per file. Files must not leave global state behind.
        isolate: false,
        reporters: ['default', 'json'],
        outputFile: { json: 'test-results/vitest.json' },
      },
    }),
    overrides,
  );
}
