/**
 * Shared test helpers: small spec pairs built from YAML, temporary directories and throwaway git
 * repositories (created under the OS temp directory, never inside this repository).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { compareSpecs, type SpecDiff } from '../diff/compare.js';
import { resolveDocument } from '../diff/resolve.js';
import type { Change, Node } from '../diff/types.js';

/** A minimal OpenAPI 3.1 document around `paths` and `components` given as YAML (or objects). */
export function specOf(parts: { paths?: string | Node; components?: string | Node; extra?: Node } = {}): Node {
  const read = (v: string | Node | undefined) => (typeof v === 'string' ? (parse(v) as Node) : (v ?? {}));
  return {
    openapi: '3.1.0',
    info: { title: 'Test', version: '1.0.0' },
    paths: read(parts.paths),
    components: read(parts.components),
    ...parts.extra,
  };
}

/** Compares two documents (refs resolved in memory). */
export function diffDocs(base: Node, head: Node): SpecDiff {
  return compareSpecs(resolveDocument(base, 'base'), resolveDocument(head, 'head'));
}

/** The changes of `diff` (or a list) with one rule id. */
export function withRule(changes: SpecDiff | Change[], rule: string): Change[] {
  return (Array.isArray(changes) ? changes : changes.changes).filter((c) => c.rule === rule);
}

/** `{ rule, severity }` of every change except documentation ones, for compact assertions. */
export function rulesOf(diff: SpecDiff): Array<{ rule: string; severity: string }> {
  return diff.changes.filter((c) => c.family !== 'documentation').map((c) => ({ rule: c.rule, severity: c.severity }));
}

/** An operation with one JSON request body schema and one 200 JSON response schema. */
export function operationWith(options: { request?: unknown; response?: unknown; parameters?: unknown[]; extra?: Node } = {}): Node {
  const op: Node = { operationId: 'doThing', summary: 'Do a thing', responses: {}, ...options.extra };
  if (options.parameters) op.parameters = options.parameters;
  if (options.request !== undefined) {
    op.requestBody = { required: true, content: { 'application/json': { schema: options.request } } };
  }
  (op.responses as Node)['200'] = {
    description: 'OK',
    ...(options.response !== undefined ? { content: { 'application/json': { schema: options.response } } } : {}),
  };
  return op;
}

/** A spec with one `POST /things` operation. */
export function oneOperation(op: Node, components: Node = {}): Node {
  return specOf({ paths: { '/things': { post: op } }, components });
}

/** A temporary directory, removed by the returned function. */
export function tempDir(prefix = 'spec-review-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` (path → text) below `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A throwaway git repository in a temporary directory. */
export interface TempRepo {
  dir: string;
  write(files: Record<string, string>): void;
  remove(path: string): void;
  /** Stages everything and commits; returns the new commit id. */
  commit(message: string): string;
  git(...args: string[]): string;
  cleanup(): void;
}

/** Creates a git repository with `files` committed as the first commit. */
export function tempRepo(files: Record<string, string> = {}): TempRepo {
  const { dir, cleanup } = tempDir('spec-review-repo-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q', '-b', 'main');
  const repo: TempRepo = {
    dir,
    write: (f) => writeFiles(dir, f),
    remove: (path) => rmSync(join(dir, path), { force: true }),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    git,
    cleanup,
  };
  if (Object.keys(files).length) {
    repo.write(files);
    repo.commit('initial');
  }
  return repo;
}
