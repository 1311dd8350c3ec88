/**
 * Reading turbo's output into "our code that this change breaks": compiler errors by file and line
 * (from a build and a typecheck alike, once each), and the tasks that failed.
 */
import { describe, expect, it } from 'vitest';
import { parseTurboOutput, renderImpact } from './impact.js';

const dirs = new Map([
  ['@identitycall/client', 'packages/client'],
  ['@identitycall/sandbox', 'packages/sandbox'],
]);
const missing = "Property 'per_page' is missing in type '{}' but required in type '{ page?: number | undefined; per_page: number; }'.";

// What `turbo run typecheck` printed after `per_page` was made required (shortened).
const output = [
  '@identitycall/client:build: cache miss, executing dd6b5865d60c11af',
  `@identitycall/client:build: src/resources/recordings.ts(48,13): error TS2741: ${missing}`,
  `@identitycall/client:build: src/resources/recordings.ts(40,16): error TS2741: ${missing}`,
  '@identitycall/client:build: Error: error occurred in dts build',
  '@identitycall/client#build:  ERROR  command (/repo/packages/client) pnpm run build exited (1)',
  `\u001b[36m@identitycall/client:typecheck: src/resources/recordings.ts(40,16): error TS2741: ${missing}\u001b[0m`,
  "@identitycall/sandbox:typecheck: test/operators.test.ts(12,5): error TS2339: Property 'initials' does not exist on type 'Operator'.",
  '@identitycall/sandbox#typecheck:  ERROR  command (/repo/packages/sandbox) pnpm run typecheck exited (2)',
  '',
  ' Tasks:    7 successful, 9 total',
  'Failed:    @identitycall/client#build, @identitycall/sandbox#typecheck',
].join('\n');

describe('parseTurboOutput', () => {
  it('lists each compiler error once, by file from the root and line, with the tasks that reported it', () => {
    const { errors, failedTasks } = parseTurboOutput(output, dirs);
    expect(errors).toEqual([
      {
        file: 'packages/client/src/resources/recordings.ts',
        line: 40,
        column: 16,
        code: 'TS2741',
        message: missing,
        tasks: ['@identitycall/client#build', '@identitycall/client#typecheck'],
      },
      {
        file: 'packages/client/src/resources/recordings.ts',
        line: 48,
        column: 13,
        code: 'TS2741',
        message: missing,
        tasks: ['@identitycall/client#build'],
      },
      {
        file: 'packages/sandbox/test/operators.test.ts',
        line: 12,
        column: 5,
        code: 'TS2339',
        message: "Property 'initials' does not exist on type 'Operator'.",
        tasks: ['@identitycall/sandbox#typecheck'],
      },
    ]);
    expect(failedTasks).toEqual(['@identitycall/client#build', '@identitycall/sandbox#typecheck']);
  });

  it('finds nothing in a clean run', () => {
    expect(parseTurboOutput(' Tasks:    9 successful, 9 total\nCached:    9 cached, 9 total\n', dirs)).toEqual({
      errors: [],
      failedTasks: [],
    });
  });
});

describe('renderImpact', () => {
  it('lists the errors and the failed tasks under its own heading', () => {
    const text = renderImpact({ ...parseTurboOutput(output, dirs), command: 'turbo run typecheck --continue=dependencies-successful' });
    expect(text).toContain('### Our code that this change breaks\n\n3 compiler errors in 2 files;');
    expect(text).toContain(
      `- \`packages/client/src/resources/recordings.ts:40:16\` TS2741: ${missing} (@identitycall/client#build, @identitycall/client#typecheck)`,
    );
    expect(text).toContain(
      'Failed: `@identitycall/client#build`, `@identitycall/sandbox#typecheck`; tasks that depend on them did not run.',
    );
  });

  it('says so when everything still compiles', () => {
    expect(renderImpact({ errors: [], failedTasks: [], command: 'turbo run typecheck' })).toContain(
      'Nothing: every package regenerates, builds and type-checks against the changed spec.',
    );
  });
});
