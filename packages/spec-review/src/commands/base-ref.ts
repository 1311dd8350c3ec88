/**
 * The base both review commands compare with when none is given, and the note that says so when it
 * is not `origin/main`: `origin/main` where the clone has it; else, when HEAD has commits the local
 * base branch (`baseBranch` of `.changeset/config.json`, `main` by default) does not, where HEAD
 * left that branch; else `HEAD~1`. Comparing with `HEAD~1` sees only the last commit, so a change
 * in an earlier commit of the branch goes unseen — the note tells the reader to pass a base ref.
 * @see https://github.com/changesets/changesets/blob/main/docs/config-file-options.md#basebranch-git-branch-name
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitOf, DEFAULT_BASE_REFS, resolveBaseRef, type BaseRef } from '../git/git.js';

/** The branch changesets compares with when `.changeset/config.json` names none. */
export const DEFAULT_BASE_BRANCH = 'main';

/** A base ref, and the notes that say which default was used instead of `origin/main`. */
export interface ReviewBase {
  base: BaseRef;
  notes: string[];
}

/** `baseBranch` of `.changeset/config.json`, or {@link DEFAULT_BASE_BRANCH}. */
export function baseBranchOf(root: string): string {
  try {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { baseBranch?: unknown };
    return typeof config.baseBranch === 'string' && config.baseBranch.trim() !== '' ? config.baseBranch.trim() : DEFAULT_BASE_BRANCH;
  } catch {
    return DEFAULT_BASE_BRANCH;
  }
}

/** The note for a checkout that is on `origin/main`, compared with its first parent. */
const onRemoteNote = (remote: string) =>
  `HEAD is on ${remote}; compared with HEAD~1, its first parent (a change lands on main as one merge commit).`;

/** The note for a base used instead of `origin/main`. */
const fallbackNote = (used: string) => `${DEFAULT_BASE_REFS[0]} does not exist in this clone; compared with ${used} instead.`;

/**
 * Resolves the base: `requested` as given, else the defaults above.
 * @throws BaseRefNotFoundError when `requested`, or every default, names no commit.
 */
export function resolveReviewBase(root: string, requested?: string): ReviewBase {
  if (requested) return { base: resolveBaseRef(root, requested), notes: [] };
  const [remote] = DEFAULT_BASE_REFS;
  const head = commitOf(root, 'HEAD');
  if (remote && commitOf(root, remote)) {
    const onRemote = resolveBaseRef(root, remote);
    if (onRemote.mergeBase !== head) return { base: { ...onRemote, defaulted: true }, notes: [] };
    // A checkout of origin/main itself (a CI run on main): comparing it with itself would check
    // nothing, so the change is the last one landed, HEAD's first parent.
    return { base: { ...resolveBaseRef(root, 'HEAD~1'), defaulted: true }, notes: [onRemoteNote(remote)] };
  }
  const branch = baseBranchOf(root);
  const local = `refs/heads/${branch}`;
  if (commitOf(root, local) && head) {
    const left = resolveBaseRef(root, local);
    // HEAD is on the branch (or behind it): nothing of the branch is new, so fall through to HEAD~1.
    if (left.mergeBase !== head) return { base: { ...left, ref: branch, defaulted: true }, notes: [fallbackNote(branch)] };
  }
  const base = resolveBaseRef(root);
  return { base, notes: base.ref === remote ? [] : [fallbackNote(base.ref)] };
}
