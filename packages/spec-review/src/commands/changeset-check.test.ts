/**
 * The changeset check against throwaway repositories: spec changes need a changeset added since
 * the base that releases the spec package; nothing else does.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../testing/helpers.js';
import { runChangesetCheck } from './changeset-check.js';

const workspace = {
  'pnpm-workspace.yaml': 'packages:\n  - spec\n  - packages/*\n',
  'spec/package.json': '{"name":"@identitycall/openapi","version":"0.1.0"}',
  'packages/types/package.json': '{"name":"@identitycall/types","version":"0.1.0"}',
  'packages/client/package.json': '{"name":"@identitycall/client","version":"0.1.0"}',
  '.changeset/config.json': JSON.stringify({ fixed: [['@identitycall/openapi', '@identitycall/types', '@identitycall/client']] }),
  '.changeset/README.md': '# Changesets\n',
  'spec/openapi.yaml': 'openapi: 3.1.0\n',
};
const changeset = (pkg: string, bump = 'minor', summary = 'Operators can now be filtered by project.') =>
  `---\n'${pkg}': ${bump}\n---\n\n${summary}\n`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const setup = (files: Record<string, string>) => {
  repo = tempRepo(workspace);
  const base = repo.git('rev-parse', 'HEAD').trim();
  repo.write(files);
  return runChangesetCheck({ cwd: repo.dir, baseRef: base });
};

describe('runChangesetCheck', () => {
  it.each<{ name: string; files: Record<string, string>; ok: boolean; message: string }>([
    { name: 'spec unchanged', files: { 'packages/client/src.ts': 'x' }, ok: true, message: 'spec/ has not changed since' },
    { name: 'only a spec test changed', files: { 'spec/src/spec-review.test.ts': 'x' }, ok: true, message: 'no changeset is needed' },
    {
      name: 'spec changed, no changeset',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n' },
      ok: false,
      message: 'no changeset added since then releases @identitycall/openapi',
    },
    {
      name: 'spec changed, changeset for another package',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/client') },
      ok: false,
      message: 'select @identitycall/openapi (@identitycall/types and @identitycall/client follow it: they are one fixed group)',
    },
    {
      name: 'spec changed, changeset for the spec package',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/openapi') },
      ok: true,
      message: '@identitycall/openapi is released by .changeset/x.md (minor)',
    },
    {
      name: 'spec changed, changeset naming an unknown package',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/opnapi') },
      ok: false,
      message: '.changeset/x.md names "@identitycall/opnapi", which is not a package of this workspace.',
    },
    {
      name: 'spec changed, changeset without a summary',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/openapi', 'patch', '') },
      ok: false,
      message: '.changeset/x.md: the summary is empty',
    },
    {
      name: 'spec changed, an empty changeset (no release needed)',
      files: { 'spec/scripts/tool.mjs': 'x', '.changeset/x.md': '---\n---\n' },
      ok: true,
      message: '.changeset/x.md is an empty changeset, declaring that no release is needed.',
    },
    {
      name: 'spec changed, changeset with bump none',
      files: { 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/openapi', 'none') },
      ok: false,
      message: 'no changeset added since then releases',
    },
  ])('$name', ({ files, ok, message }) => {
    const outcome = setup(files);
    expect(outcome.ok).toBe(ok);
    expect(outcome.message).toContain(message);
  });

  it('does not count a changeset that was already pending at the base', () => {
    repo = tempRepo({ ...workspace, '.changeset/old.md': changeset('@identitycall/openapi') });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ 'spec/openapi.yaml': 'openapi: 3.1.1\n' });
    expect(runChangesetCheck({ cwd: repo.dir, baseRef: base }).ok).toBe(false);
  });

  it('counts a changeset committed on the branch, not only one in the working tree', () => {
    repo = tempRepo(workspace);
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/openapi', 'major') });
    repo.commit('change the spec');
    const outcome = runChangesetCheck({ cwd: repo.dir, baseRef: base });
    expect(outcome).toMatchObject({ ok: true, specFiles: ['spec/openapi.yaml'] });
  });

  it('advises naming the whole fixed group, so every changelog says why it was released', () => {
    const partial = setup({ 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': changeset('@identitycall/openapi') });
    expect(partial.notes).toEqual([
      '.changeset/x.md does not name @identitycall/types and @identitycall/client: they get the new version but their changelogs will not say why. Name them with the same bump.',
    ]);
    repo!.cleanup();
    const whole =
      "---\n'@identitycall/openapi': minor\n'@identitycall/types': minor\n'@identitycall/client': minor\n---\n\nOperators have notes.\n";
    expect(setup({ 'spec/openapi.yaml': 'openapi: 3.1.1\n', '.changeset/x.md': whole }).notes).toEqual([]);
  });
});

describe('the default base (no base ref given)', () => {
  const specChange = { 'spec/openapi.yaml': 'openapi: 3.1.1\n' };
  const later = { 'packages/client/src.ts': 'later work\n' };
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  const cliCheck = (dir: string) => spawnSync(process.execPath, [cli, 'changeset-check'], { cwd: dir, encoding: 'utf8' });

  /** A branch off the base branch whose spec change is in an earlier commit than HEAD~1. */
  const featureBranch = (files = workspace) => {
    repo = tempRepo(files);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(specChange);
    repo.commit('change the spec');
    repo.write(later);
    repo.commit('later work');
    return repo;
  };

  it('without origin/main, compares with where the branch left the local base branch, and says so', () => {
    const outcome = runChangesetCheck({ cwd: featureBranch().dir });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('spec/ changed since main (1 file: spec/openapi.yaml)');
    expect(outcome.notes).toEqual(['origin/main does not exist in this clone; compared with main instead.']);
  });

  it('reads the base branch from .changeset/config.json', () => {
    const config = JSON.stringify({ baseBranch: 'trunk', fixed: [['@identitycall/openapi']] });
    repo = tempRepo({ ...workspace, '.changeset/config.json': config });
    repo.git('branch', '-q', '-m', 'main', 'trunk');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(specChange);
    repo.commit('change the spec');
    repo.write(later);
    repo.commit('later work');
    const outcome = runChangesetCheck({ cwd: repo.dir });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('spec/ changed since trunk (');
    expect(outcome.notes).toEqual(['origin/main does not exist in this clone; compared with trunk instead.']);
  });

  it('on the base branch itself, falls back to HEAD~1 and says so, since an earlier commit is not seen', () => {
    repo = tempRepo(workspace);
    repo.write(specChange);
    repo.commit('change the spec');
    repo.write(later);
    repo.commit('later work');
    const outcome = runChangesetCheck({ cwd: repo.dir });
    expect(outcome).toMatchObject({ ok: true, message: 'spec/ has not changed since HEAD~1; no changeset is needed.' });
    expect(outcome.notes).toEqual(['origin/main does not exist in this clone; compared with HEAD~1 instead.']);
  });

  it('with origin/main, compares with it and adds no note', () => {
    repo = tempRepo(workspace);
    repo.git('update-ref', 'refs/remotes/origin/main', repo.git('rev-parse', 'HEAD').trim());
    repo.write(specChange);
    repo.commit('change the spec');
    repo.write(later);
    repo.commit('later work');
    const outcome = runChangesetCheck({ cwd: repo.dir });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('spec/ changed since origin/main (');
    expect(outcome.notes).toEqual([]);
  });

  it('on a checkout of origin/main itself (CI on main), compares with HEAD~1 rather than with itself', () => {
    repo = tempRepo(workspace);
    repo.write(specChange);
    repo.commit('change the spec');
    repo.git('update-ref', 'refs/remotes/origin/main', repo.git('rev-parse', 'HEAD').trim());
    const outcome = runChangesetCheck({ cwd: repo.dir });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('spec/ changed since HEAD~1 (1 file: spec/openapi.yaml)');
    expect(outcome.notes).toEqual([
      'HEAD is on origin/main; compared with HEAD~1, its first parent (a change lands on main as one merge commit).',
    ]);
  });

  it('the CLI prints the note and keeps its exit codes: 1 on the branch, 0 with the note on the base branch', () => {
    const failing = cliCheck(featureBranch().dir);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('FAILED: spec/ changed since main (');
    expect(failing.stdout).toContain('note: origin/main does not exist in this clone; compared with main instead.');
    repo!.cleanup();
    repo = tempRepo(workspace);
    repo.write(later);
    repo.commit('later work');
    const passing = cliCheck(repo.dir);
    expect(passing.status).toBe(0);
    expect(passing.stdout).toBe(
      'ok: spec/ has not changed since HEAD~1; no changeset is needed.\nnote: origin/main does not exist in this clone; compared with HEAD~1 instead.\n',
    );
  });
});
