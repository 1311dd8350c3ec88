/**
 * Where a version of the spec is read from: a directory on disk (the working tree, or a temporary
 * copy) or a commit (through `git show`). Both resolve `$ref`s to other files the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { emptySpec, loadSpecFrom, type DocumentSource, type ResolvedSpec } from './diff/resolve.js';
import { readAtCommit } from './git/git.js';

/** Reads the spec files below `dir`. */
export function directorySource(dir: string, label: string): DocumentSource {
  return {
    label,
    read: (path) => {
      const file = join(dir, path);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

/** Reads the spec files below `specDir` (relative to the repository root) as they were at `commit`. */
export function commitSource(root: string, commit: string, specDir: string, label: string): DocumentSource {
  return { label, read: (path) => readAtCommit(root, commit, specDir ? `${specDir}/${path}` : path) };
}

/** Loads and resolves the spec file at `file` (absolute or relative to the working directory). */
export function loadSpecFile(file: string, label = file): ResolvedSpec {
  return loadSpecFrom(basename(file), directorySource(dirname(file), label));
}

/**
 * Loads the spec `entry` (e.g. `spec/openapi.yaml`) from `commit`; a spec that did not exist yet at
 * that commit loads as an empty document, so every operation reads as added.
 */
export function loadSpecAtCommit(root: string, commit: string, entry: string, label: string): { spec: ResolvedSpec; existed: boolean } {
  const specDir = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/')) : '';
  const name = entry.slice(specDir ? specDir.length + 1 : 0);
  const source = commitSource(root, commit, specDir, label);
  if (source.read(name) === undefined) return { spec: emptySpec(label), existed: false };
  return { spec: loadSpecFrom(name, source), existed: true };
}
