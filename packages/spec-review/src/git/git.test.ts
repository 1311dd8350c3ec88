/**
 * Read-only git helpers, against throwaway repositories: the base-ref fallback, reading a file at a
 * commit, and the files changed since it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BaseRefNotFoundError, NotAGitRepositoryError } from '../errors.js';
import { tempDir, tempRepo } from '../testing/helpers.js';
import { changedSince, findRepoRoot, readAtCommit, resolveBaseRef } from './git.js';

describe('git helpers', () => {
  const repo = tempRepo({ 'spec/openapi.yaml': 'v1\n', 'README.md': 'r\n' });
  const first = repo.git('rev-parse', 'HEAD').trim();
  repo.write({ 'spec/openapi.yaml': 'v2\n' });
  const second = repo.commit('second');
  afterAll(() => repo.cleanup());

  it('falls back to HEAD~1 when origin/main does not exist', () => {
    expect(resolveBaseRef(repo.dir)).toEqual({ ref: 'HEAD~1', commit: first, mergeBase: first, defaulted: true });
  });

  it('prefers origin/main and compares with the merge base', () => {
    repo.git('update-ref', 'refs/remotes/origin/main', second);
    repo.git('checkout', '-q', '-b', 'feature', first);
    try {
      const base = resolveBaseRef(repo.dir);
      expect(base).toMatchObject({ ref: 'origin/main', commit: second, mergeBase: first, defaulted: true });
    } finally {
      repo.git('checkout', '-q', 'main');
      repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    }
  });

  it('rejects an explicit ref that names nothing, saying what to pass', () => {
    expect(() => resolveBaseRef(repo.dir, 'no-such-branch')).toThrow(BaseRefNotFoundError);
    expect(() => resolveBaseRef(repo.dir, 'no-such-branch')).toThrow('Base ref "no-such-branch" does not name a commit');
    expect(() => resolveBaseRef(repo.dir, '--upload-pack=x')).toThrow(BaseRefNotFoundError);
  });

  it('says clearly when neither default exists (a one-commit clone)', () => {
    const lone = tempRepo({ 'a.txt': 'a\n' });
    try {
      expect(() => resolveBaseRef(lone.dir)).toThrow('Neither "origin/main" nor "HEAD~1" names a commit');
    } finally {
      lone.cleanup();
    }
  });

  it('reads a file as it was at a commit, and undefined where it did not exist', () => {
    expect(readAtCommit(repo.dir, first, 'spec/openapi.yaml')).toBe('v1\n');
    expect(readAtCommit(repo.dir, first, 'spec/missing.yaml')).toBeUndefined();
  });

  it('lists committed, unstaged and untracked changes since a commit', () => {
    repo.write({ 'README.md': 'changed\n', 'spec/new.yaml': 'new\n' });
    try {
      expect(changedSince(repo.dir, first)).toEqual(['README.md', 'spec/new.yaml', 'spec/openapi.yaml']);
    } finally {
      repo.git('checkout', '-q', '--', 'README.md');
      repo.remove('spec/new.yaml');
    }
  });

  it('finds the work tree root, and explains when there is none', () => {
    expect(findRepoRoot(`${repo.dir}/spec`)).toBe(repo.git('rev-parse', '--show-toplevel').trim());
    const { dir, cleanup } = tempDir();
    try {
      expect(() => findRepoRoot(dir)).toThrow(NotAGitRepositoryError);
    } finally {
      cleanup();
    }
  });
});
