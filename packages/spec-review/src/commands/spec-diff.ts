/**
 * `spec:diff [base-ref]`: compares `spec/openapi.yaml` at the base ref (where the current branch
 * left `origin/main`; without it, where it left the local base branch; else `HEAD~1` — see
 * `base-ref.ts`) with the working tree, renders the Markdown report and decides the exit code: 1
 * when something breaks and no pending changeset bumps the spec package as major.
 */
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { isPreOne, majorChangesetFor, readChangesets, SPEC_PACKAGE } from '../changesets.js';
import { compareSpecs, type SpecDiff } from '../diff/compare.js';
import type { ResolvedSpec } from '../diff/resolve.js';
import { findRepoRoot, shortCommit } from '../git/git.js';
import { renderJson } from '../report/json.js';
import { gateFails, renderMarkdown, type GateStatus } from '../report/markdown.js';
import { loadSpecAtCommit, loadSpecFile } from '../sources.js';
import { resolveReviewBase } from './base-ref.js';

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
  if (options.baseFile) {
    base = loadSpecFile(resolve(cwd, options.baseFile));
    baseLabel = `\`${options.baseFile}\``;
  } else {
    const { base: ref, notes: fallback } = resolveReviewBase(root, options.baseRef);
    const at = ref.mergeBase === ref.commit ? shortCommit(ref.commit) : `merge base ${shortCommit(ref.mergeBase)}`;
    baseLabel = `\`${ref.ref}\` (${at})`;
    notes.push(...fallback);
    const loaded = loadSpecAtCommit(root, ref.mergeBase, specPath, `${specPath} at ${ref.ref}`);
    base = loaded.spec;
    if (!loaded.existed) notes.push(`${specPath} did not exist at ${ref.ref}; every operation reads as added.`);
  }
  const head = options.headFile
    ? loadSpecFile(resolve(cwd, options.headFile))
    : loadSpecFile(join(root, specPath), `${specPath} (working tree)`);
  const headLabel = options.headFile ? `\`${options.headFile}\`` : 'working tree';

  const diff = compareSpecs(base, head);
  const version = specPackageVersion(root);
  const major = majorChangesetFor(readChangesets(root), SPEC_PACKAGE, version);
  const gate: GateStatus = { packageName: SPEC_PACKAGE, majorChangeset: major?.file, preOne: isPreOne(version) };
  let markdown = renderMarkdown(diff, { base: baseLabel, head: headLabel }, gate);
  if (notes.length) markdown = markdown.replace('\n\n', `\n\n${notes.map((n) => `> ${n}`).join('\n')}\n\n`);
  const json = renderJson(diff, { base: baseLabel, head: headLabel }, gate, notes);
  return { diff, markdown, json, gate, exitCode: gateFails(diff, gate) ? 1 : 0, notes };
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
