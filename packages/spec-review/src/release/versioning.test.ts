/**
 * Versioning that follows the spec, run for real in a throwaway workspace: `changeset version` with
 * this repository's .changeset/config.json and changelog, then spec/scripts/sync-version.mjs.
 * The spec package, types and client move together (fixed group), `info.version` follows the spec
 * package, and the changelog reads as prose for users.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempRepo, writeFiles, type TempRepo } from '../testing/helpers.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const syncScript = join(repoRoot, 'spec/scripts/sync-version.mjs');
const changesetBin = join(dirname(createRequire(import.meta.url).resolve('@changesets/cli/package.json')), 'bin.js');
const real = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const spec = (version: string) =>
  `# The IdentityCall API\nopenapi: 3.1.0\ninfo:\n  title: Fixture # keep this comment\n  version: ${version}\npaths: {}\ncomponents:\n  schemas:\n    Release:\n      properties:\n        version: { type: string, example: '9.9.9' }\n`;

describe('spec/scripts/sync-version.mjs', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const run = (...args: string[]) => spawnSync(process.execPath, [syncScript, ...args], { encoding: 'utf8' });

  it.each([
    { name: 'plain', before: '0.1.0', after: 'version: 1.2.3' },
    { name: 'quoted', before: "'0.1.0'", after: "version: '1.2.3'" },
  ])('rewrites only info.version ($name scalar), keeping comments and layout', ({ before, after }) => {
    writeFiles(tmp.dir, { 'package.json': '{"version":"1.2.3"}', 'openapi.yaml': spec(before) });
    expect(run('--check', tmp.dir).status).toBe(1);
    const result = run(tmp.dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('→ 1.2.3');
    expect(readFileSync(join(tmp.dir, 'openapi.yaml'), 'utf8')).toBe(spec(before).replace(`version: ${before}`, after));
    expect(run('--check', tmp.dir).status).toBe(0);
  });

  it('explains what to run when --check finds them apart', () => {
    writeFiles(tmp.dir, { 'package.json': '{"version":"2.0.0"}', 'openapi.yaml': spec('1.0.0') });
    expect(run('--check', tmp.dir).stderr).toContain('info.version is "1.0.0" but package.json says 2.0.0; run `pnpm version-packages`');
  });

  it('fails clearly when there is no info.version', () => {
    writeFiles(tmp.dir, { 'package.json': '{"version":"2.0.0"}', 'openapi.yaml': 'openapi: 3.1.0\npaths: {}\n' });
    const result = run(tmp.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('has no info.version scalar');
  });
});

describe('changeset version with this repository’s configuration', () => {
  let repo: TempRepo;
  const pkg = (name: string, deps: Record<string, string> = {}) => JSON.stringify({ name, version: '0.1.0', dependencies: deps }, null, 2);
  const version = (dir: string) => (JSON.parse(readFileSync(join(repo.dir, dir, 'package.json'), 'utf8')) as { version: string }).version;

  beforeAll(() => {
    repo = tempRepo({
      'package.json': '{"name":"fixture","private":true}',
      'pnpm-workspace.yaml': 'packages:\n  - spec\n  - packages/*\n',
      '.changeset/config.json': real('.changeset/config.json'),
      '.changeset/changelog.cjs': real('.changeset/changelog.cjs'),
      'spec/package.json': pkg('@identitycall/openapi'),
      'spec/openapi.yaml': spec('0.1.0'),
      'packages/types/package.json': pkg('@identitycall/types'),
      'packages/client/package.json': pkg('@identitycall/client', { '@identitycall/types': 'workspace:^' }),
      'packages/mock/package.json': pkg('@identitycall/mock', { '@identitycall/openapi': 'workspace:^' }),
    });
    repo.write({
      '.changeset/operator-notes.md':
        "---\n'@identitycall/openapi': minor\n---\n\nOperators have an optional `notes` field: send it when creating or updating one, and read it back from every operator response.\n",
    });
    repo.commit('add a changeset');
    execFileSync(process.execPath, [changesetBin, 'version'], { cwd: repo.dir, stdio: 'pipe' });
    execFileSync(process.execPath, [syncScript, join(repo.dir, 'spec')], { stdio: 'pipe' });
  });
  afterAll(() => repo.cleanup());

  it('releases the spec package, the types and the client with one version (fixed group)', () => {
    expect([version('spec'), version('packages/types'), version('packages/client')]).toEqual(['0.2.0', '0.2.0', '0.2.0']);
  });

  it('bumps packages outside the group only as dependents', () => {
    expect(version('packages/mock')).toBe('0.1.1');
    expect(readFileSync(join(repo.dir, 'packages/mock/CHANGELOG.md'), 'utf8')).toContain('- Uses `@identitycall/openapi` 0.2.0.');
  });

  it('moves info.version with the spec package and leaves the rest of openapi.yaml alone', () => {
    expect(readFileSync(join(repo.dir, 'spec/openapi.yaml'), 'utf8')).toBe(spec('0.2.0'));
  });

  it('writes the changeset prose as the changelog entry, without commit hashes', () => {
    const changelog = readFileSync(join(repo.dir, 'spec/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '## 0.2.0\n\n### Minor Changes\n\n- Operators have an optional `notes` field: send it when creating or updating one',
    );
    expect(changelog).not.toMatch(/- [0-9a-f]{7}: /);
  });
});
