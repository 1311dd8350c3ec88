/**
 * The breaking-change gate on the repository's real state (issue 14): a throwaway repository holds
 * the real spec, its package manifest, the real `.changeset/config.json` and every changeset now
 * pending in this repository (among them minor bumps of the spec package from earlier changes),
 * committed before the base. A breaking edit then fails the gate until the change adds its own
 * breaking changeset; a patch does not do, and neither does editing an earlier changeset. Also:
 * the gate runs on the real repository itself, and stops with a clear error when it cannot find a
 * base instead of passing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { bumpOf, parseChangeset, SPEC_PACKAGE } from '../changesets.js';
import { tempDir, tempRepo, type TempRepo } from '../testing/helpers.js';
import { runChangesetCheck } from './changeset-check.js';
import { runSpecDiff } from './spec-diff.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const real = (path: string) => readFileSync(join(root, path), 'utf8');

/** The changesets pending in this repository now, by path. */
const pending = Object.fromEntries(
  readdirSync(join(root, '.changeset'))
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .map((f) => [`.changeset/${f}`, real(`.changeset/${f}`)]),
);
/** Those that release the spec package: each would have passed the old gate. */
const pendingSpecReleases = Object.entries(pending)
  .map(([file, text]) => parseChangeset(text, file))
  .filter((c) => (bumpOf(c) ?? 'none') !== 'none');
const specVersion = (JSON.parse(real('spec/package.json')) as { version: string }).version;
const preOne = specVersion.startsWith('0.');
const breakingBump = preOne ? 'minor' : 'major';

/** The real spec with `initials` removed from every operator and `per_page` made required. */
function breakingEdit(): string {
  const doc = parseDocument(real('spec/openapi.yaml'));
  const operator = doc.getIn(['components', 'schemas', 'OperatorBase'], true);
  const perPage = doc.getIn(['components', 'parameters', 'PerPage'], true);
  if (!isMap(operator) || !isMap(perPage))
    throw new Error('The real spec has no OperatorBase schema or PerPage parameter; update this test.');
  const required = operator.get('required', true);
  if (!isSeq(required) || !doc.hasIn(['components', 'schemas', 'OperatorBase', 'properties', 'initials']))
    throw new Error('OperatorBase no longer has a required `initials`; pick another required response field for this test.');
  doc.deleteIn(['components', 'schemas', 'OperatorBase', 'properties', 'initials']);
  required.items = required.items.filter((item) => String((item as { value?: unknown }).value ?? item) !== 'initials');
  perPage.set('required', true);
  return doc.toString();
}

const changeset = (bump: string, summary = 'Operators no longer carry `initials`; `per_page` is required.') =>
  `---\n'${SPEC_PACKAGE}': ${bump}\n'@identitycall/types': ${bump}\n'@identitycall/client': ${bump}\n---\n\n${summary}\n`;

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A repository like this one: the real spec, config and pending changesets, committed as the base. */
function realState(): { repo: TempRepo; base: string } {
  repo = tempRepo({
    'pnpm-workspace.yaml': real('pnpm-workspace.yaml'),
    'spec/package.json': real('spec/package.json'),
    'spec/openapi.yaml': real('spec/openapi.yaml'),
    'packages/types/package.json': real('packages/types/package.json'),
    'packages/client/package.json': real('packages/client/package.json'),
    '.changeset/config.json': real('.changeset/config.json'),
    ...pending,
  });
  return { repo, base: repo.git('rev-parse', 'HEAD').trim() };
}

describe('the breaking-change gate with changesets of earlier changes pending', () => {
  it('the repository has a pending release of the spec package, the case the gate must not be fooled by', () => {
    expect(pendingSpecReleases.length).toBeGreaterThan(0);
  });

  it('fails a breaking edit without its own changeset, naming the pending ones as not counting and what to add', () => {
    const { repo, base } = realState();
    repo.write({ 'spec/openapi.yaml': breakingEdit() });
    const outcome = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(outcome.diff.breaking).toBeGreaterThan(0);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.gate.majorChangeset).toBeUndefined();
    expect(outcome.markdown).toContain('❌ **Breaking changes without a breaking changeset in this change.**');
    for (const c of pendingSpecReleases) expect(outcome.markdown).toContain(`\`${c.file}\` (${bumpOf(c)})`);
    expect(outcome.markdown).toContain('came with earlier changes and do not count');
    // Exactly what to add: a file name, the bump and the fixed group's packages.
    expect(outcome.gate.suggestion).toEqual({
      file: expect.stringMatching(/^\.changeset\/[a-z0-9-]+-breaking\.md$/),
      bump: breakingBump,
      packages: [SPEC_PACKAGE, '@identitycall/types', '@identitycall/client'],
    });
    expect(outcome.markdown).toContain(`Add \`${outcome.gate.suggestion!.file}\` (\`${breakingBump}\`: ${specVersion} → `);
    expect(outcome.markdown).toContain(`'${SPEC_PACKAGE}': ${breakingBump}\n'@identitycall/types': ${breakingBump}`);
  });

  it(`passes once the change adds a ${breakingBump} changeset for ${SPEC_PACKAGE}, and says which file and bump it accepted`, () => {
    const { repo, base } = realState();
    repo.write({ 'spec/openapi.yaml': breakingEdit(), '.changeset/drop-initials.md': changeset(breakingBump) });
    const outcome = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.gate).toMatchObject({ majorChangeset: '.changeset/drop-initials.md', bump: breakingBump, version: specVersion });
    expect(outcome.markdown).toContain(
      `✅ The breaking changes ship as a ${preOne ? 'breaking' : 'major'} release: \`.changeset/drop-initials.md\`, added in this change, bumps \`${SPEC_PACKAGE}\` as \`${breakingBump}\``,
    );
    expect(outcome.markdown).toContain(`(${specVersion} → ${outcome.gate.nextVersion})`);
    expect(outcome.markdown).toContain('`@identitycall/types` and `@identitycall/client` follow it (one fixed group)');
  });

  it('fails when the change adds only a patch changeset', () => {
    const { repo, base } = realState();
    repo.write({ 'spec/openapi.yaml': breakingEdit(), '.changeset/drop-initials.md': changeset('patch') });
    const outcome = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.markdown).toContain(
      `\`.changeset/drop-initials.md\` in this change bumps \`${SPEC_PACKAGE}\` as \`patch\`, which is not a breaking release.`,
    );
  });

  it('does not count an earlier changeset that this change edits into a breaking one', () => {
    const { repo, base } = realState();
    const [earlier] = pendingSpecReleases;
    repo.write({ 'spec/openapi.yaml': breakingEdit(), [earlier!.file]: changeset('major', earlier!.summary) });
    expect(runSpecDiff({ cwd: repo.dir, baseRef: base }).exitCode).toBe(1);
    const check = runChangesetCheck({ cwd: repo.dir, baseRef: base });
    expect(check.ok).toBe(false);
    expect(check.notes.join('\n')).toContain(`${earlier!.file} was already pending at ${base}`);
  });

  it.each([
    ['renamed with git mv and committed', (r: TempRepo, from: string, to: string) => (r.git('mv', from, to), r.commit('rename'))],
    ['renamed in the working tree only', (r: TempRepo, from: string, to: string) => (r.write({ [to]: real(from) }), r.remove(from))],
    ['copied under a new name', (r: TempRepo, from: string, to: string) => r.write({ [to]: real(from) })],
  ])('does not count an earlier changeset %s', (_how, move) => {
    const { repo, base } = realState();
    const [earlier] = pendingSpecReleases;
    const to = '.changeset/this-change-release.md';
    repo.write({ 'spec/openapi.yaml': breakingEdit() });
    move(repo, earlier!.file, to);
    const outcome = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.gate.majorChangeset).toBeUndefined();
    expect(outcome.markdown).toContain(`\`${to}\` (${bumpOf(earlier!)})`);
    const check = runChangesetCheck({ cwd: repo.dir, baseRef: base });
    expect(check.ok).toBe(false);
    expect(check.notes.join('\n')).toContain(
      `${to} has the releases and text of ${earlier!.file}, already pending at ${base}; renaming or copying a changeset of an earlier change does not make it this change's.`,
    );
    // The same file with this change's own text counts.
    repo.write({ [to]: changeset(breakingBump) });
    expect(runSpecDiff({ cwd: repo.dir, baseRef: base }).exitCode).toBe(0);
  });

  it('as CI runs it (the CLI, comparing the last commit): fails the commit without a changeset, passes the one with it', () => {
    const { repo } = realState();
    repo.write({ 'spec/openapi.yaml': breakingEdit() });
    repo.commit('drop initials, require per_page');
    const failing = spawnSync(process.execPath, [cli, 'diff'], { cwd: repo.dir, encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('compared with HEAD~1 instead');
    expect(failing.stdout).toContain('❌ **Breaking changes without a breaking changeset in this change.**');
    const check = spawnSync(process.execPath, [cli, 'changeset-check'], { cwd: repo.dir, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`no changeset added since then releases ${SPEC_PACKAGE}`);
    expect(check.stderr).toContain('came with earlier changes and do not count');

    repo.git('reset', '-q', '--soft', 'HEAD~1');
    repo.write({ '.changeset/drop-initials.md': changeset(breakingBump) });
    repo.commit('drop initials, require per_page, with its changeset');
    const passing = spawnSync(process.execPath, [cli, 'diff'], { cwd: repo.dir, encoding: 'utf8' });
    expect(passing.status).toBe(0);
    expect(passing.stdout).toContain('`.changeset/drop-initials.md`, added in this change');
    expect(spawnSync(process.execPath, [cli, 'changeset-check'], { cwd: repo.dir, encoding: 'utf8' }).status).toBe(0);
  });
});

describe('the gate on the real repository', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

  it('compares HEAD~1 with the working tree and decides (exit 0 or 1, never a crash)', () => {
    const run = spawnSync(process.execPath, [cli, 'diff', 'HEAD~1'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/Error/);
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).toContain(`## API changes: \`HEAD~1\` (${git('rev-parse', '--short=7', 'HEAD~1')}) → working tree`);
  });

  it('fails a breaking edit of the real spec even though earlier changesets are pending', () => {
    const dirty = git('status', '--porcelain', '--untracked-files=all', '--', '.changeset') !== '';
    const tmp = tempDir();
    try {
      const head = join(tmp.dir, 'openapi.yaml');
      // The edited copy lives outside the repository; the repository itself is not touched.
      writeFileSync(head, breakingEdit());
      const run = spawnSync(process.execPath, [cli, 'diff', 'HEAD', '--head-file', head], { cwd: root, encoding: 'utf8' });
      if (dirty) {
        // A changeset of the change in progress may release it; only the decision is certain.
        expect([0, 1]).toContain(run.status);
        return;
      }
      expect(run.status).toBe(1);
      for (const c of pendingSpecReleases) expect(run.stdout).toContain(`\`${c.file}\``);
    } finally {
      tmp.cleanup();
    }
  });

  it('stops with a clear error, not a pass, when a shallow clone has no base to compare with', () => {
    const tmp = tempDir();
    try {
      const clone = join(tmp.dir, 'clone');
      execFileSync('git', ['clone', '-q', '--depth', '1', '--no-local', `file://${root}`, clone], { stdio: 'ignore' });
      // As in CI: no origin/main to compare with, and a single commit without its parent.
      execFileSync('git', ['remote', 'remove', 'origin'], { cwd: clone });
      const run = spawnSync(process.execPath, [cli, 'diff'], { cwd: clone, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('names a commit: this clone has no remote main branch and no parent commit');
      const check = spawnSync(process.execPath, [cli, 'changeset-check'], { cwd: clone, encoding: 'utf8' });
      expect(check.status).toBe(2);
      expect(check.stderr).toContain('Fetch the base');
    } finally {
      tmp.cleanup();
    }
  });
});
