/**
 * What `npm install @identitycall/conformance` brings is the engine's own needs: never vitest, the
 * mock, Prism or the sandbox (they live in the private conformance-suites package). That the source
 * imports only what the manifest declares, and no import cycle, is checked for every package by
 * the import guard (packages/spec-review/src/guard).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

describe('the published package', () => {
  it('depends on none of the test tooling or servers', () => {
    expect(Object.keys(manifest.dependencies).length).toBeGreaterThan(0);
    expect(Object.keys(manifest.dependencies).filter((d) => /vitest|sandbox|mock|prism/.test(d))).toEqual([]);
  });
});
