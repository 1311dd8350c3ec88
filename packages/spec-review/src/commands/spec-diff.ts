/**
 * `spec:diff [base-ref]`: compares `spec/openapi.yaml` at the base ref (where the current branch
 * left `origin/main`; without it, where it left the local base branch; else `HEAD~1` — see
 * `base-ref.ts`) with the working tree, renders the Markdown report and decides the exit code: 1
 * when something breaks and the change did not add its own changeset releasing the spec package as
 * a breaking release (major; minor below 1.0.0). Changesets already pending at the base came with
 * earlier changes and do not count (`own-changesets.ts`).
 */
import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { breakingBump, breakingBumps, bumpOf, type Changeset, isPreOne, nextVersion, SPEC_PACKAGE } from '../changesets.js';
import { compareSpecs, type SpecDiff } from '../diff/compare.js';
import type { ResolvedSpec } from '../diff/resolve.js';
import { type BaseRef, findRepoRoot, shortCommit } from '../git/git.js';
import { renderJson } from '../report/json.js';
import { gateFails, renderMarkdown, type GateStatus } from '../report/markdown.js';
import { loadSpecAtCommit, loadSpecFile } from '../sources.js';
import { resolveReviewBase } from './base-ref.js';
import { changesetsOfChange } from './own-changesets.js';

/** Options of {@link runSpecDiff}. */
export interface SpecDiffOptions {
  /**
   * Directory inside the repository.
   * @default process.cwd()
   */
  cwd?: string;
  /**
   * Base ref; without it `origin/main`, falling back to the local base branch (when the current
   * branch left it) and then `HEAD~1`, with a note saying so.
   */
  baseRef?: string;
  /**
   * The spec entry, relative to the repository root.
   * @default 'spec/openapi.yaml'
   */
  specPath?: string;
  /** Compare this file as the base instead of reading the base ref. */
  baseFile?: string;
  /** Compare this file as the head instead of the working tree. */
  headFile?: string;
}

/** The outcome of a spec diff. */
export interface SpecDiffOutcome {
  diff: SpecDiff;
  markdown: string;
  /** The same report as JSON, every change with its level (`--format json`). */
  json: string;
  gate: GateStatus;
  exitCode: 0 | 1;
  /** Notes for the terminal (e.g. which default base ref was used). */
  notes: string[];
}

/** Runs the comparison and renders the report. */
export function runSpecDiff(options: SpecDiffOptions = {}): SpecDiffOutcome {
  const cwd = resolve(options.cwd ?? process.cwd());
  const specPath = options.specPath ?? 'spec/openapi.yaml';
  const needsGit = !options.baseFile || !options.headFile;
  const root = needsGit ? findRepoRoot(cwd) : tryRepoRoot(cwd);
  const notes: string[] = [];

  let base: ResolvedSpec;
  let baseLabel: string;
  // The base the change is measured from: which changesets are this change's own.
  let changeBase: BaseRef | undefined;
  if (options.baseFile) {
    base = loadSpecFile(resolve(cwd, options.baseFile));
    baseLabel = `\`${options.baseFile}\``;
  } else {
    const { base: ref, notes: fallback } = resolveReviewBase(root, options.baseRef);
    const at = ref.mergeBase === ref.commit ? shortCommit(ref.commit) : `merge base ${shortCommit(ref.mergeBase)}`;
    baseLabel = `\`${ref.ref}\` (${at})`;
    notes.push(...fallback);
    changeBase = ref;
    const loaded = loadSpecAtCommit(root, ref.mergeBase, specPath, `${specPath} at ${ref.ref}`);
    base = loaded.spec;
    if (!loaded.existed) notes.push(`${specPath} did not exist at ${ref.ref}; every operation reads as added.`);
  }
  const head = options.headFile
    ? loadSpecFile(resolve(cwd, options.headFile))
    : loadSpecFile(join(root, specPath), `${specPath} (working tree)`);
  const headLabel = options.headFile ? `\`${options.headFile}\`` : 'working tree';

  const diff = compareSpecs(base, head);
  if (!changeBase && diff.breaking > 0) changeBase = changeBaseForFiles(root, options.baseRef, notes);
  const gate = gateStatus(root, diff, changeBase);
  let markdown = renderMarkdown(diff, { base: baseLabel, head: headLabel }, gate);
  if (notes.length) markdown = markdown.replace('\n\n', `\n\n${notes.map((n) => `> ${n}`).join('\n')}\n\n`);
  const json = renderJson(diff, { base: baseLabel, head: headLabel }, gate, notes);
  return { diff, markdown, json, gate, exitCode: gateFails(diff, gate) ? 1 : 0, notes };
}

/**
 * Comparing two files: this change's changesets are still those added since the base ref (or the
 * default base) when the files are in a clone; without one, no changeset counts.
 */
function changeBaseForFiles(root: string, baseRef: string | undefined, notes: string[]): BaseRef | undefined {
  try {
    findRepoRoot(root);
    return resolveReviewBase(root, baseRef).base;
  } catch (error) {
    notes.push(`No git base to tell this change's changesets from earlier ones (${(error as Error).message.split('\n')[0]}); none counts.`);
    return undefined;
  }
}

/** Decides whether this change's own changesets release the breaking changes, and what to add if not. */
function gateStatus(root: string, diff: SpecDiff, changeBase: BaseRef | undefined): GateStatus {
  const version = specPackageVersion(root);
  const accepted = breakingBumps(version);
  const { own, earlier, problems } = changesetsOfChange(root, changeBase?.mergeBase);
  const releasing = (c: Changeset) => (bumpOf(c) ?? 'none') !== 'none';
  const found = own.find((c) => accepted.includes(bumpOf(c) ?? 'none'));
  const bump = found ? bumpOf(found)! : breakingBump(version);
  const group = fixedGroup(root);
  return {
    packageName: SPEC_PACKAGE,
    majorChangeset: found?.file,
    preOne: isPreOne(version),
    bump,
    ...(version ? { version } : {}),
    ...(nextVersion(version, bump) ? { nextVersion: nextVersion(version, bump)! } : {}),
    followers: group,
    ...(changeBase ? { baseRef: changeBase.ref } : {}),
    tooSmall: own.filter((c) => releasing(c) && !accepted.includes(bumpOf(c)!)).map((c) => ({ file: c.file, bump: bumpOf(c)! })),
    earlier: earlier.filter(releasing).map((c) => ({ file: c.file, bump: bumpOf(c)! })),
    problems,
    suggestion: { file: suggestedFile(root, diff), bump, packages: [SPEC_PACKAGE, ...group] },
  };
}

/** The spec package's partners in the changesets `fixed` group (`.changeset/config.json`). */
function fixedGroup(root: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed?: unknown };
    const group = Array.isArray(config.fixed) ? config.fixed.find((g) => Array.isArray(g) && g.includes(SPEC_PACKAGE)) : undefined;
    return Array.isArray(group) ? group.filter((n): n is string => typeof n === 'string' && n !== SPEC_PACKAGE) : [];
  } catch {
    return [];
  }
}

/** A changeset file name for the first breaking change (`list-recordings-breaking.md`) that is not taken yet. */
function suggestedFile(root: string, diff: SpecDiff): string {
  const first = diff.changes.find((c) => c.severity === 'breaking');
  const stem =
    (first?.operation?.operationId ?? first?.operation?.path ?? 'api')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'api';
  for (let n = 1; ; n++) {
    const file = `.changeset/${stem}-breaking${n === 1 ? '' : `-${n}`}.md`;
    if (!existsSync(join(root, file))) return file;
  }
}

/** The spec package's version in the working tree (`spec/package.json`), if readable. */
function specPackageVersion(root: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, 'spec', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function tryRepoRoot(cwd: string): string {
  try {
    return findRepoRoot(cwd);
  } catch {
    return cwd;
  }
}
