/**
 * Listing workspace packages from pnpm-workspace.yaml globs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { tempDir, writeFiles } from '../testing/helpers.js';
import { listWorkspacePackages } from './workspace.js';

const ws = tempDir();
afterAll(() => ws.cleanup());
writeFiles(ws.dir, {
  'pnpm-workspace.yaml': "packages:\n  - spec\n  - packages/*\n  - 'tools/**'\n  - '!packages/ignored'\n",
  'spec/package.json': '{"name":"@x/spec","version":"1.2.3"}',
  'packages/a/package.json': '{"name":"@x/a","version":"0.1.0","private":true}',
  'packages/ignored/package.json': '{"name":"@x/ignored"}',
  'packages/nested/deep/package.json': '{"name":"@x/too-deep"}',
  'packages/no-manifest/readme.md': 'x',
  'tools/one/two/package.json': '{"name":"@x/tool"}',
  'other/package.json': '{"name":"@x/other"}',
});

describe('listWorkspacePackages', () => {
  it('follows the globs, exclusions included, and reads each manifest', () => {
    const pkgs = listWorkspacePackages(ws.dir);
    expect(pkgs.map((p) => [p.relDir, p.name, p.version, p.private])).toEqual([
      ['packages/a', '@x/a', '0.1.0', true],
      ['spec', '@x/spec', '1.2.3', false],
      ['tools/one/two', '@x/tool', '0.0.0', false],
    ]);
  });

  it('lists the real workspace, the spec package first among equals', () => {
    const names = listWorkspacePackages(new URL('../../../..', import.meta.url).pathname).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['@identitycall/openapi', '@identitycall/types', '@identitycall/client', '@identitycall/spec-review']),
    );
  });

  it.each<{ name: string; files: Record<string, string>; error: string }>([
    { name: 'no pnpm-workspace.yaml', files: {}, error: 'pnpm-workspace.yaml does not exist' },
    { name: 'no packages list', files: { 'pnpm-workspace.yaml': 'catalog: {}\n' }, error: 'has no `packages` list' },
  ])('explains $name', ({ files, error }) => {
    const dir = tempDir();
    try {
      writeFiles(dir.dir, files);
      expect(() => listWorkspacePackages(dir.dir)).toThrow(UsageError);
      expect(() => listWorkspacePackages(dir.dir)).toThrow(error);
    } finally {
      dir.cleanup();
    }
  });
});
