/**
 * Four kinds of test, each needing a server:
 * - `end-to-end`: the engine and its CLI against sandboxes (correct and with injected faults), the
 *   reports, the safety promise, and the mutation harness;
 * - `mock` and `sandbox`: every case of the engine as a vitest test, against a Prism mock
 *   (stateless: the behaviour tier is skipped with the reason) and a sandbox (everything runs);
 *   with IDENTITYCALL_BASE_URL set, against that deployment (`external`) instead;
 * - `example`: the README's example of running the engine from your own vitest test.
 * Runs make real requests: every project has generous timeouts, so a busy machine is only slower.
 */
import { availableParallelism } from 'node:os';
import { packageTestConfig } from '../../vitest.shared.ts';

const SUITES = ['src/suites/conformance.test.ts'];
const TIMEOUTS = { testTimeout: 180_000, hookTimeout: 180_000 };
const external = Boolean(process.env.IDENTITYCALL_BASE_URL?.trim());
const target = (name: string, setup: string) => ({ test: { name, include: SUITES, globalSetup: [setup], ...TIMEOUTS } });

export default packageTestConfig({
  test: {
    // One worker per core (vitest leaves one core idle by default): each file runs the engine and
    // its sandbox in one process, so files are CPU-bound and independent.
    maxWorkers: availableParallelism(),
    projects: [
      { test: { name: 'end-to-end', include: ['src/end-to-end/**/*.test.ts', 'src/mutation/**/*.test.ts'], ...TIMEOUTS } },
      ...(external
        ? [target('external', './src/setup/external.ts')]
        : [target('mock', './src/setup/mock.ts'), target('sandbox', './src/setup/sandbox.ts')]),
      { test: { name: 'example', include: ['src/examples/**/*.test.ts'], globalSetup: ['./src/setup/example.ts'], ...TIMEOUTS } },
    ],
  },
});
