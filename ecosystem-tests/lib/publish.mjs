/**
 * The release path, for real: `pnpm publish -r` from the workspace into the run's registry, with
 * the current versions. Its auth lives in a temporary userconfig; the repository and ~/.npmrc are
 * never written (checked: `git status` must be the same before and after).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepError } from './supervisor.mjs';
import { ROOT, cleanEnv, pnpmCommand, workspacePackages } from './workspace.mjs';

const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Publishes every public workspace package and checks what the registry now holds.
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @param {{ url: string, token: string }} registry
 * @returns {Promise<{ published: { name: string, version: string }[], private: string[], detail: string }>}
 */
export async function publishWorkspace(sup, registry, runDir) {
  const packages = workspacePackages();
  const userconfig = join(runDir, 'publish.npmrc');
  writeFileSync(userconfig, `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${registry.token}\n`, { mode: 0o600 });
  const before = await gitStatus(sup);
  const [cmd, pre] = pnpmCommand();
  const result = await sup.mustRun(cmd, [...pre, 'publish', '-r', '--registry', registry.url, '--no-git-checks', '--access', 'public'], {
    cwd: ROOT,
    env: cleanEnv({ npm_config_userconfig: userconfig }),
    label: 'pnpm publish -r',
    timeoutMs: 10 * 60_000,
  });
  const after = await gitStatus(sup);
  if (before !== after) {
    throw new StepError('pnpm publish -r changed the working tree', `before:\n${before}\nafter:\n${after}`);
  }

  const versions = new Map(packages.map((p) => [p.name, p.version]));
  const problems = [];
  const published = [];
  for (const pkg of packages) {
    const response = await fetch(new URL(pkg.name.replace('/', '%2f'), registry.url));
    if (pkg.private) {
      if (response.status !== 404) problems.push(`${pkg.name} is private but the registry has it (${response.status})`);
      continue;
    }
    const packument = response.ok ? await response.json() : null;
    const manifest = packument?.versions?.[pkg.version];
    if (!manifest) {
      problems.push(`${pkg.name}@${pkg.version} is not in the registry after the publish (${response.status})`);
      continue;
    }
    for (const field of DEP_FIELDS) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (/^(workspace|catalog|link|file):/.test(range)) problems.push(`${pkg.name} ${field}.${dep} was published as "${range}"`);
        else if (versions.has(dep) && !range.includes(versions.get(dep))) {
          problems.push(`${pkg.name} ${field}.${dep} is "${range}", not the workspace's ${versions.get(dep)}`);
        }
      }
    }
    published.push({ name: pkg.name, version: pkg.version });
  }
  if (problems.length > 0) throw new StepError(problems[0], `${problems.join('\n')}\n\n${result.output}`);
  const priv = packages.filter((p) => p.private).map((p) => p.name);
  const detail = `${published.length} published (${published.map((p) => `${p.name.replace('@identitycall/', '')}@${p.version}`).join(', ')}); not published (private): ${priv.join(', ') || 'none'}`;
  return { published, private: priv, detail };
}

async function gitStatus(sup) {
  const result = await sup.run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, label: 'git status' });
  return result.ok ? result.output : '(not a git checkout)';
}
