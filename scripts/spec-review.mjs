#!/usr/bin/env node
/**
 * Runs the spec-review CLI for `pnpm spec:diff`, `pnpm spec:changeset-check` and `pnpm spec:impact`
 * without rebuilding anything a spec edit does not change. Turbo would rebuild the spec package and
 * then spec-review after every edit of spec/openapi.yaml (a task's hash includes its dependencies'),
 * although spec-review reads the spec at run time and compiles only against the spec package's
 * code. So this script hashes exactly what the built CLI is made of — spec-review's and the spec
 * package's TypeScript sources and configs, and the lockfile — and builds through turbo only when
 * that hash differs from the one stored beside the last build (`packages/spec-review/dist/.inputs`).
 * Build output goes to stderr, so stdout is the command's own (the Markdown report).
 * @see https://turborepo.com/docs/crafting-your-repository/caching#task-inputs
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'packages/spec-review/dist/cli.js');
const stamp = join(root, 'packages/spec-review/dist/.inputs');

/** TypeScript sources below `dir` that go into a build (tests and test helpers excluded), sorted. */
function sources(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(root.length + 1))
    .filter((f) => !f.includes('/testing/'))
    .sort();
}

function inputsHash() {
  const files = [
    'pnpm-lock.yaml',
    'tsconfig.base.json',
    ...['spec', 'packages/spec-review'].flatMap((p) => [
      `${p}/package.json`,
      `${p}/tsconfig.json`,
      `${p}/tsconfig.build.json`,
      ...sources(`${p}/src`),
    ]),
  ];
  const hash = createHash('sha256');
  for (const f of files) {
    const path = join(root, f);
    hash.update(`${f}\0${existsSync(path) ? readFileSync(path) : '(missing)'}\0`);
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
const fresh =
  existsSync(cli) && existsSync(join(root, 'spec/dist/index.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted;
if (!fresh) {
  const turbo = join(root, 'node_modules/.bin/turbo');
  const build = spawnSync(turbo, ['run', 'build', '--filter=@identitycall/spec-review', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) {
    process.stderr.write(`Building @identitycall/spec-review failed (${build.error?.message ?? `exit ${build.status}`}); see above.\n`);
    process.exit(2);
  }
  writeFileSync(stamp, `${wanted}\n`);
}
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 2);
