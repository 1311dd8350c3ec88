/**
 * `spec:changeset-check [base-ref]`: fails when `spec/` changed since the base ref (same default
 * as spec:diff, with the same note when it is not `origin/main`) and no changeset added since then
 * releases the spec package. A changeset that was already pending at the base does not count, even
 * when this change edits it: each change to the API brings its own entry (`own-changesets.ts`). An
 * empty changeset (`pnpm changeset --empty`) is the author's explicit "nothing here needs a release".
 * @see https://github.com/changesets/changesets/blob/main/docs/adding-a-changeset.md
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changesetsReleasing, SPEC_PACKAGE, type Changeset } from '../changesets.js';
import { changedSince, findRepoRoot } from '../git/git.js';
import { listWorkspacePackages } from '../release/workspace.js';
import { resolveReviewBase } from './base-ref.js';
import { changesetsOfChange } from './own-changesets.js';

/** Options of {@link runChangesetCheck}. */
export interface ChangesetCheckOptions {
  /** @default process.cwd() */
  cwd?: string;
  /**
   * Base ref; without it `origin/main`, falling back to the local base branch (when the current
   * branch left it) and then `HEAD~1`, with a note saying so.
   */
  baseRef?: string;
  /** @default 'spec' */
  specDir?: string;
}

/** The outcome of the check. */
export interface ChangesetCheckOutcome {
  ok: boolean;
  message: string;
  /** Files under the spec directory that changed (tests excluded). */
  specFiles: string[];
  /** Changesets added since the base (this change's own). */
  changesets: Changeset[];
  /** Advice that does not fail the check, and which base was used when it is not `origin/main`. */
  notes: string[];
}

/** Runs the check. */
export function runChangesetCheck(options: ChangesetCheckOptions = {}): ChangesetCheckOutcome {
  const root = findRepoRoot(resolve(options.cwd ?? process.cwd()));
  const specDir = (options.specDir ?? 'spec').replace(/\/+$/, '');
  const { base, notes: fallback } = resolveReviewBase(root, options.baseRef);
  const changed = changedSince(root, base.mergeBase);
  // Test files do not ship, so a change to them alone needs no release.
  const specFiles = changed.filter((f) => f.startsWith(`${specDir}/`) && !/\.test(-d)?\.ts$/.test(f));
  if (specFiles.length === 0) {
    return {
      ok: true,
      message: `${specDir}/ has not changed since ${base.ref}; no changeset is needed.`,
      specFiles,
      changesets: [],
      notes: fallback,
    };
  }

  const { own: changesets, earlier, problems, renamed } = changesetsOfChange(root, base.mergeBase);
  const known = new Set(listWorkspacePackages(root).map((p) => p.name));
  for (const cs of changesets)
    for (const r of cs.releases)
      if (!known.has(r.name)) problems.push(`${cs.file} names "${r.name}", which is not a package of this workspace.`);
  // A pending changeset this change edited is still the earlier change's: say so rather than leave the author guessing.
  const edited = earlier.filter((c) => changed.includes(c.file)).map((c) => c.file);
  if (edited.length)
    fallback.push(
      `${edited.join(', ')} ${edited.length === 1 ? 'was' : 'were'} already pending at ${base.ref}; editing a changeset of an earlier change does not make it this change's.`,
    );
  for (const r of renamed)
    fallback.push(
      `${r.file} has the releases and text of ${r.from}, already pending at ${base.ref}; renaming or copying a changeset of an earlier change does not make it this change's.`,
    );
  const listed = `${specFiles.length} file${specFiles.length === 1 ? '' : 's'}: ${specFiles.slice(0, 5).join(', ')}${specFiles.length > 5 ? ', …' : ''}`;
  if (problems.length) {
    return {
      ok: false,
      message: `${specDir}/ changed since ${base.ref} (${listed}), and the changesets have problems:\n${problems.map((p) => `- ${p}`).join('\n')}`,
      specFiles,
      changesets,
      notes: fallback,
    };
  }
  const releasing = changesetsReleasing(changesets, SPEC_PACKAGE);
  const empty = changesets.find((c) => c.releases.length === 0);
  if (releasing.length === 0 && empty) {
    // `pnpm changeset --empty`: the author states that this spec change needs no release (tooling, tests).
    return {
      ok: true,
      message: `${specDir}/ changed since ${base.ref} (${listed}); ${empty.file} is an empty changeset, declaring that no release is needed.`,
      specFiles,
      changesets,
      notes: fallback,
    };
  }
  if (releasing.length === 0) {
    return {
      ok: false,
      message:
        `${specDir}/ changed since ${base.ref} (${listed}) but no changeset added since then releases ${SPEC_PACKAGE}.\n` +
        `Run \`pnpm changeset\`, select ${SPEC_PACKAGE}${followers(root)}, pick the bump ` +
        '(`pnpm spec:diff` tells you whether it must be major) and describe the change for people who use the API. ' +
        'If nothing that ships changed, add an empty changeset instead: `pnpm changeset --empty`.' +
        pendingNote(earlier, base.ref),
      specFiles,
      changesets,
      notes: fallback,
    };
  }
  const bumps = releasing.map((c) => `${c.file} (${c.releases.find((r) => r.name === SPEC_PACKAGE)!.type})`).join(', ');
  // The fixed group gives the followers the same version, but a changelog only shows changesets that name the package.
  const notes = releasing.flatMap((c) => {
    const missing = groupOf(root).filter((name) => !c.releases.some((r) => r.name === name));
    return missing.length
      ? [
          missing.length === 1
            ? `${c.file} does not name ${missing[0]}: it gets the new version but its changelog will not say why. Name it with the same bump.`
            : `${c.file} does not name ${missing.join(' and ')}: they get the new version but their changelogs will not say why. Name them with the same bump.`,
        ]
      : [];
  });
  return {
    ok: true,
    message: `${specDir}/ changed since ${base.ref} (${listed}); ${SPEC_PACKAGE} is released by ${bumps}.`,
    specFiles,
    changesets,
    notes: [...fallback, ...notes],
  };
}

/** "\nPending changesets from earlier changes do not count: …", or nothing when none releases the spec package. */
function pendingNote(earlier: Changeset[], ref: string): string {
  const releasing = changesetsReleasing(earlier, SPEC_PACKAGE);
  return releasing.length
    ? `\nChangesets already pending at ${ref} came with earlier changes and do not count: ${releasing.map((c) => c.file).join(', ')}.`
    : '';
}

/** The other packages of the spec package's fixed group in `.changeset/config.json`. */
function groupOf(root: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed?: string[][] };
    return config.fixed?.find((g) => g.includes(SPEC_PACKAGE))?.filter((n) => n !== SPEC_PACKAGE) ?? [];
  } catch {
    return [];
  }
}

/** " (… follow it: they are one fixed group)", or nothing. */
function followers(root: string): string {
  const group = groupOf(root);
  return group.length ? ` (${group.join(' and ')} follow it: they are one fixed group)` : '';
}
