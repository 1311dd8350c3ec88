/**
 * The read-only git the review commands need: the repository root, the base ref (`origin/main`,
 * else `HEAD~1`), a file as it was at that ref, and the files changed since it. Nothing here
 * writes to the repository.
 * @see https://git-scm.com/docs/git-show
 */
import { execFileSync } from 'node:child_process';
import { BaseRefNotFoundError, GitCommandError, NotAGitRepositoryError } from '../errors.js';

/** The refs tried, in order, when no base ref is given. */
export const DEFAULT_BASE_REFS: readonly string[] = ['origin/main', 'HEAD~1'];

/** A resolved base ref. */
export interface BaseRef {
  /** The ref as given or defaulted, e.g. `origin/main`. */
  ref: string;
  /** The commit it names. */
  commit: string;
  /** Where the current branch left it (`git merge-base ref HEAD`); what the working tree is compared with. */
  mergeBase: string;
  /** True when no ref was given and a default was used. */
  defaulted: boolean;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new GitCommandError(args, String(e.stderr ?? e.message));
  }
}

function gitOk(cwd: string, args: string[]): boolean {
  try {
    git(cwd, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the top directory of the git work tree that contains `cwd`.
 * @throws NotAGitRepositoryError outside a work tree.
 */
export function findRepoRoot(cwd: string = process.cwd()): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (cause) {
    throw new NotAGitRepositoryError(cwd, cause);
  }
}

/** The commit `ref` names, or undefined when it names none. */
export function commitOf(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the base ref: `requested` if given, else the first of {@link DEFAULT_BASE_REFS} that exists.
 * @throws BaseRefNotFoundError naming what was tried.
 */
export function resolveBaseRef(root: string, requested?: string): BaseRef {
  const candidates = requested ? [requested] : [...DEFAULT_BASE_REFS];
  for (const ref of candidates) {
    const commit = commitOf(root, ref);
    if (!commit) continue;
    let mergeBase = commit;
    try {
      mergeBase = git(root, ['merge-base', commit, 'HEAD']).trim() || commit;
    } catch {
      // Unrelated histories: compare with the ref itself.
    }
    return { ref, commit, mergeBase, defaulted: !requested };
  }
  throw new BaseRefNotFoundError(candidates, Boolean(requested));
}

/** The text of `path` (relative to the root) at `commit`, or undefined when it did not exist there. */
export function readAtCommit(root: string, commit: string, path: string): string | undefined {
  if (!gitOk(root, ['cat-file', '-e', `${commit}:${path}`])) return undefined;
  return git(root, ['show', `${commit}:${path}`]);
}

/**
 * Files changed between `commit` and the working tree (committed, staged, unstaged and untracked),
 * relative to the root. Renames list both names.
 */
export function changedSince(root: string, commit: string): string[] {
  const tracked = git(root, ['diff', '--name-only', '--no-renames', commit, '--']).split('\n');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard']).split('\n');
  return [...new Set([...tracked, ...untracked].map((f) => f.trim()).filter(Boolean))].sort();
}

/**
 * Files below `dir` (relative to the root) that did not exist at `commit` and exist now: added in
 * a commit since then, staged, or untracked. Renames count as added under the new name.
 */
export function addedSince(root: string, commit: string, dir: string): string[] {
  const committed = git(root, ['diff', '--name-only', '--no-renames', '--diff-filter=A', commit, '--', dir]).split('\n');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]).split('\n');
  return [...new Set([...committed, ...untracked].map((f) => f.trim()).filter(Boolean))].sort();
}

/** The files below `dir` (relative to the root) at `commit`. */
export function filesAtCommit(root: string, commit: string, dir: string): string[] {
  return git(root, ['ls-tree', '-r', '--name-only', commit, '--', dir])
    .split('\n')
    .map((f) => f.trim())
    .filter(Boolean)
    .sort();
}

/** A short form of a commit id for messages. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}
