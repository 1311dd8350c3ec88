/**
 * Reads pending changesets (`.changeset/*.md`): which packages each bumps, by how much, and the
 * summary that becomes the changelog entry.
 * @see https://github.com/changesets/changesets/blob/main/docs/adding-a-changeset.md
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ChangesetFormatError } from './errors.js';

/** The bump a changeset asks for. */
export type BumpType = 'major' | 'minor' | 'patch' | 'none';

/** One changeset file. */
export interface Changeset {
  /** Path relative to the repository root, e.g. `.changeset/brave-owls-sing.md`. */
  file: string;
  releases: Array<{ name: string; type: BumpType }>;
  summary: string;
}

const BUMPS: readonly string[] = ['major', 'minor', 'patch', 'none'];

/** The package the spec is published as; its changesets gate breaking changes. */
export const SPEC_PACKAGE = '@identitycall/openapi';

/**
 * Parses the text of one changeset.
 * @throws ChangesetFormatError for missing front matter, a bump type that is not major/minor/patch/none, or no summary.
 */
export function parseChangeset(text: string, file: string): Changeset {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!match)
    throw new ChangesetFormatError(
      file,
      'no front matter; a changeset starts with `---`, lists `"package": bump` lines and ends it with `---`.',
    );
  let front: unknown;
  try {
    front = match[1]!.trim() ? parse(match[1]!) : {};
  } catch (cause) {
    throw new ChangesetFormatError(file, `the front matter is not valid YAML: ${(cause as Error).message}`);
  }
  if (front === null || typeof front !== 'object' || Array.isArray(front)) {
    throw new ChangesetFormatError(file, 'the front matter must map package names to bump types.');
  }
  const releases = Object.entries(front as Record<string, unknown>).map(([name, type]) => {
    if (typeof type !== 'string' || !BUMPS.includes(type)) {
      throw new ChangesetFormatError(file, `"${name}" has bump ${JSON.stringify(type)}; use major, minor, patch or none.`);
    }
    return { name, type: type as BumpType };
  });
  const summary = match[2]!.trim();
  if (releases.length > 0 && !summary) {
    throw new ChangesetFormatError(file, 'the summary is empty; write what changed in words a user of the packages understands.');
  }
  return { file, releases, summary };
}

/** Reads every changeset in `<root>/.changeset` (README.md excluded), sorted by file name. */
export function readChangesets(root: string): Changeset[] {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => parseChangeset(readFileSync(join(dir, f), 'utf8'), `.changeset/${f}`));
}

/**
 * The first changeset that bumps `pkg` as a breaking release, if any: `major`, or — while the
 * package is below 1.0.0, where semver puts breaking changes in the minor position — `minor` too.
 * @param currentVersion the package's version now (e.g. `0.1.0`); without it only `major` counts.
 */
export function majorChangesetFor(changesets: Changeset[], pkg: string = SPEC_PACKAGE, currentVersion?: string): Changeset | undefined {
  const breaking = breakingBumps(currentVersion);
  return changesets.find((c) => c.releases.some((r) => r.name === pkg && breaking.includes(r.type)));
}

/**
 * The bumps that release a breaking change of a package at `currentVersion`: `major`, and — below
 * 1.0.0, where semver puts breaking changes in the minor position — `minor` too.
 * @see https://semver.org/#spec-item-4
 */
export function breakingBumps(currentVersion: string | undefined): BumpType[] {
  return isPreOne(currentVersion) ? ['major', 'minor'] : ['major'];
}

/** The smallest bump that releases a breaking change at `currentVersion` (`minor` below 1.0.0). */
export function breakingBump(currentVersion: string | undefined): BumpType {
  return isPreOne(currentVersion) ? 'minor' : 'major';
}

/** The version `bump` gives `version` (`0.1.0` + minor → `0.2.0`), or undefined for a version that is not `x.y.z`. */
export function nextVersion(version: string | undefined, bump: BumpType): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return `${major}.${minor}.${patch}`;
}

/** The bump `changeset` gives `pkg`, if it names it. */
export function bumpOf(changeset: Changeset, pkg: string = SPEC_PACKAGE): BumpType | undefined {
  return changeset.releases.find((r) => r.name === pkg)?.type;
}

/** True for a `0.x.y` version. */
export function isPreOne(version: string | undefined): boolean {
  return version !== undefined && /^0\.\d+\.\d+/.test(version);
}

/** Changesets that release `pkg` (any bump but `none`). */
export function changesetsReleasing(changesets: Changeset[], pkg: string = SPEC_PACKAGE): Changeset[] {
  return changesets.filter((c) => c.releases.some((r) => r.name === pkg && r.type !== 'none'));
}
