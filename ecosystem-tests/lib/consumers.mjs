/**
 * Consumer folders: a copy of a project template in the run's temp folder (outside the
 * workspace), with a project `.npmrc` naming the run's registry, and the packages added the way a
 * team adds them: `npm install @identitycall/client`, `pnpm add @identitycall/client`.
 *
 * npm uses a cache private to the run and an empty userconfig, so nothing from ~/.npmrc or an
 * earlier run's tarballs can leak in. pnpm's store is content-addressed (a changed tarball has a
 * new integrity), so the shared store is safe; its metadata cache is private to the run.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerNpmrc } from './registry.mjs';
import { CACHE_DIR, PROJECTS, cleanEnv, pnpmCommand } from './workspace.mjs';

export const PACKAGE_MANAGERS = ['npm', 'pnpm'];

/** The environment of every consumer-side npm/npx/pnpm command of a run. */
export function consumerEnv(runDir, extra = {}) {
  const userconfig = join(runDir, 'empty-userconfig.npmrc');
  if (!existsSync(userconfig)) writeFileSync(userconfig, '');
  return cleanEnv({
    npm_config_cache: join(runDir, 'npm-cache'),
    npm_config_userconfig: userconfig,
    ...extra,
  });
}

/**
 * Creates `<runDir>/<pm>/<name>`: a copy of `projects/<template>` and the shared scenario (or an
 * empty project without a template), with the registry in its `.npmrc`.
 */
export function createConsumer({ runDir, pm, template, name = template, registryUrl }) {
  const dir = join(runDir, pm, name);
  mkdirSync(dir, { recursive: true });
  if (template) {
    // A template without package.json (deno) stays without one: Deno would switch to node_modules.
    cpSync(join(PROJECTS, template), dir, { recursive: true });
    cpSync(join(PROJECTS, 'scenario.mjs'), join(dir, 'scenario.mjs'));
  } else {
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name}`, private: true }, null, 2)}\n`);
  }
  writeFileSync(join(dir, '.npmrc'), consumerNpmrc(registryUrl));
  return dir;
}

/**
 * The command that adds `packages` with `pm` (`dev` for devDependencies).
 * @returns {[string, string[]]}
 */
export function addCommand(pm, runDir, packages, { dev = false } = {}) {
  if (pm === 'npm') return ['npm', ['install', ...(dev ? ['--save-dev'] : []), '--no-audit', '--no-fund', ...packages]];
  const [cmd, pre] = pnpmCommand();
  return [cmd, [...pre, 'add', ...(dev ? ['--save-dev'] : []), `--config.cache-dir=${join(runDir, 'pnpm-cache')}`, ...packages]];
}

/** The command that runs a package.json script with `pm`. */
export function runScriptCommand(pm, script) {
  if (pm === 'npm') return ['npm', ['run', script]];
  const [cmd, pre] = pnpmCommand();
  return [cmd, [...pre, 'run', script]];
}

/**
 * Adds `packages` in `dir` with `pm`; throws a StepError with the installer's output.
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function add(sup, { pm, dir, runDir, packages, dev = false }) {
  const [cmd, args] = addCommand(pm, runDir, packages, { dev });
  // npx keeps pnpm itself (an immutable public release) in the harness cache between runs.
  const env = consumerEnv(runDir, pm === 'pnpm' ? { npm_config_cache: join(CACHE_DIR, 'npm') } : {});
  return sup.mustRun(cmd, args, {
    cwd: dir,
    env,
    label: `${pm === 'npm' ? 'npm install' : 'pnpm add'}${dev ? ' -D' : ''} ${packages.join(' ')}`,
    timeoutMs: 15 * 60_000,
  });
}

/** The file `condition` ("import" / "require") of the installed package's "." export points to. */
export function exportTarget(packageDir, condition) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  let target = manifest.exports?.['.'] ?? manifest.exports;
  for (let depth = 0; target && typeof target === 'object' && depth < 5; depth++) {
    target = target[condition] ?? target.default;
  }
  return typeof target === 'string' ? target.replace(/^\.\//, '') : undefined;
}
