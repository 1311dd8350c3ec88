/**
 * What the harness reads from the repository (never writes): its packages, the pnpm version it
 * pins, and the catalog's tool versions, so consumer projects use the tools the workspace uses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The repository root (the folder above `ecosystem-tests/`). */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The consumer project templates. */
export const PROJECTS = join(import.meta.dirname, '..', 'projects');

/**
 * Where downloads that never change are kept between runs: verdaccio's install and the runtimes
 * npx fetches (exact versions from the public registry, content-addressed by npm's cache).
 * Nothing published by the harness is ever cached there.
 */
export const CACHE_DIR =
  process.env.IDENTITYCALL_ECOSYSTEM_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'identitycall-ecosystem-tests');

/** `['npx', '-y', 'pnpm@<the packageManager version>']`. */
export function pnpmCommand() {
  const pm = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager ?? '';
  const match = pm.match(/^pnpm@(\d+\.\d+\.\d+)/);
  if (!match) throw new Error(`package.json packageManager is not pnpm@x.y.z: "${pm}"`);
  return ['npx', ['-y', `pnpm@${match[1]}`]];
}

/**
 * The workspace's packages, from the `packages:` globs of pnpm-workspace.yaml (plain folders
 * and `dir/*` only, which is all this repository uses).
 * @returns {{ name: string, version: string, private: boolean, dir: string, manifest: any }[]}
 */
export function workspacePackages() {
  const globs = yamlList(readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8'), 'packages');
  const dirs = globs.flatMap((glob) => {
    if (glob.endsWith('/*')) {
      const parent = join(ROOT, glob.slice(0, -2));
      return readdirSync(parent).map((d) => join(parent, d));
    }
    if (/[*?{]/.test(glob)) throw new Error(`pnpm-workspace.yaml: glob "${glob}" is not supported by the harness`);
    return [join(ROOT, glob)];
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, version: manifest.version, private: manifest.private === true, dir, manifest };
    });
}

/** The catalog's pinned version of `name` (pnpm-workspace.yaml `catalog:`). */
export function catalogVersion(name) {
  const text = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const block = text.match(/^catalog:\n((?:[ \t]+.*\n|\s*#.*\n|\s*\n)*)/m)?.[1] ?? '';
  for (const line of block.split('\n')) {
    const m = line.match(/^\s+['"]?([^'":]+)['"]?:\s*['"]?([^'"\s#]+)/);
    if (m && m[1] === name) return m[2];
  }
  throw new Error(`pnpm-workspace.yaml: no catalog entry for ${name}`);
}

function yamlList(text, key) {
  const block = text.match(new RegExp(`^${key}:\\n((?:[ \\t]+- .*\\n)+)`, 'm'))?.[1];
  if (!block) throw new Error(`pnpm-workspace.yaml: no "${key}:" list`);
  return block
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s+-\s*/, '')
        .replace(/['"]/g, '')
        .trim(),
    )
    .filter(Boolean);
}

/** A free TCP port on 127.0.0.1, for servers that cannot report the port they bound. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `fn` until it returns a truthy value; throws `message` after `timeoutMs`. */
export async function poll(fn, { timeoutMs, intervalMs = 200, message }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${message} (after ${timeoutMs / 1000} s${last ? `; last error: ${last.message}` : ''})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A copy of the environment without the variables that would point npm/pnpm/turbo elsewhere. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'TURBO_TELEMETRY_DISABLED') continue;
    if (/^(npm_|NPM_CONFIG_|PNPM_|pnpm_config_|TURBO_|INIT_CWD$|NODE_OPTIONS$)/i.test(key)) delete env[key];
  }
  return {
    ...env,
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}
