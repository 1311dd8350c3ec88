/**
 * Which changesets belong to the change under review. A changeset counts only when its file was
 * added since the base (committed on the branch, staged or untracked, per git): one that was
 * already pending at the base came with an earlier change, and editing it does not make it this
 * change's. Both review gates read this, so neither can be satisfied by another change's release
 * note — each change to the API brings its own.
 * @see https://github.com/changesets/changesets/blob/main/docs/adding-a-changeset.md
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Changeset, parseChangeset } from '../changesets.js';
import { ChangesetFormatError } from '../errors.js';
import { addedSince, filesAtCommit, readAtCommit } from '../git/git.js';

/** The changesets of the working tree, split by whether this change added them. */
export interface ChangeChangesets {
  /** Added since the base: this change's own. */
  own: Changeset[];
  /** Already pending at the base (from earlier changes); they do not count for this change. */
  earlier: Changeset[];
  /** One message per changeset file that could not be read (malformed front matter, no summary…). */
  problems: string[];
  /** Added files that are an earlier changeset renamed or copied (counted in `earlier`), with its name at the base. */
  renamed: Array<{ file: string; from: string }>;
}

/** What a changeset says, whatever its file is called: its releases and its text. */
function content(c: Changeset): string {
  const releases = [...c.releases].sort((a, b) => a.name.localeCompare(b.name)).map((r) => `${r.name}:${r.type}`);
  return JSON.stringify([releases, c.summary.trim().replace(/\s+/g, ' ')]);
}

/** The changesets pending at `commit`, by what they say. */
function pendingAt(root: string, commit: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of filesAtCommit(root, commit, '.changeset')) {
    if (!isChangesetFile(file.slice(file.lastIndexOf('/') + 1))) continue;
    const text = readAtCommit(root, commit, file);
    if (text === undefined) continue;
    try {
      out.set(content(parseChangeset(text, file)), file);
    } catch (error) {
      if (!(error instanceof ChangesetFormatError)) throw error;
    }
  }
  return out;
}

const isChangesetFile = (name: string) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md';

/**
 * Reads `.changeset/*.md` under `root` and splits them into those added since `baseCommit` and
 * those already pending there. Without a base commit (no git base could be found), none is own.
 */
export function changesetsOfChange(root: string, baseCommit: string | undefined): ChangeChangesets {
  const dir = join(root, '.changeset');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter(isChangesetFile)
        .sort()
        .map((f) => `.changeset/${f}`)
    : [];
  const added = new Set(baseCommit ? addedSince(root, baseCommit, '.changeset') : []);
  const atBase = baseCommit && added.size > 0 ? pendingAt(root, baseCommit) : new Map<string, string>();
  const out: ChangeChangesets = { own: [], earlier: [], problems: [], renamed: [] };
  for (const file of files) {
    let changeset: Changeset;
    try {
      changeset = parseChangeset(readFileSync(join(root, file), 'utf8'), file);
    } catch (error) {
      if (!(error instanceof ChangesetFormatError)) throw error;
      // An earlier change's malformed file is that change's problem; `changeset version` reports it.
      if (added.has(file)) out.problems.push(error.message);
      continue;
    }
    const from = added.has(file) ? atBase.get(content(changeset)) : undefined;
    if (from !== undefined) out.renamed.push({ file, from });
    (added.has(file) && from === undefined ? out.own : out.earlier).push(changeset);
  }
  return out;
}
