/**
 * The packages of the pnpm workspace, read from `pnpm-workspace.yaml` (`packages:` globs with `*`,
 * `**` and `!` exclusions) and each directory's `package.json`.
 * @see https://pnpm.io/pnpm-workspace_yaml
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';

/** One workspace package. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the workspace root, with `/`. */
  relDir: string;
  private: boolean;
  manifest: Record<string, unknown>;
}

/**
 * Lists the workspace packages under `root`, sorted by directory.
 * @throws UsageError when `pnpm-workspace.yaml` is missing or has no `packages` list.
 */
export function listWorkspacePackages(root: string): WorkspacePackage[] {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) throw new UsageError(`${file} does not exist; run this from the root of a pnpm workspace.`);
  const config = parse(readFileSync(file, 'utf8')) as { packages?: unknown } | null;
  const patterns = Array.isArray(config?.packages) ? config.packages.map(String) : undefined;
  if (!patterns?.length) throw new UsageError(`${file} has no \`packages\` list.`);
  const include = patterns.filter((p) => !p.startsWith('!')).map(toRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => toRegExp(p.slice(1)));

  const out: WorkspacePackage[] = [];
  for (const relDir of directories(root, '', 0)) {
    if (!include.some((r) => r.test(relDir)) || exclude.some((r) => r.test(relDir))) continue;
    const manifestPath = join(root, relDir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    if (typeof manifest.name !== 'string') continue;
    out.push({
      name: manifest.name,
      version: String(manifest.version ?? '0.0.0'),
      dir: join(root, relDir),
      relDir,
      private: manifest.private === true,
      manifest,
    });
  }
  return out.sort((a, b) => a.relDir.localeCompare(b.relDir));
}

function toRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const source = clean
    .split('/')
    .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${source.replace(/\/\.\*/g, '(/.*)?')}$`);
}

function directories(root: string, rel: string, depth: number): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const entry of readdirSync(join(root, rel))) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const child = rel ? `${rel}/${entry}` : entry;
    if (!statSync(join(root, child)).isDirectory()) continue;
    out.push(child, ...directories(root, child, depth + 1));
  }
  return out;
}

/** `dir` relative to `root`, with `/` separators. */
export function relativeDir(root: string, dir: string): string {
  return relative(root, dir).split(sep).join('/');
}
