/**
 * Each published package on its own: `npm install <pkg>` in an empty folder, the CLIs through
 * `npx` straight from the registry, and the installed size of the conformance CLI.
 */
import { add, consumerEnv, createConsumer } from './consumers.mjs';
import { startMock, startSandbox } from './servers.mjs';
import { describeRun, StepError } from './supervisor.mjs';
import { describeSize, inspectTree, mb, unusedInternalDependencies } from './tree.mjs';

/** The install-size goal for `npm install @identitycall/conformance`. */
export const SIZE_GOAL = { name: '@identitycall/conformance', maxMB: 15, maxPackages: 40 };
const CONCURRENCY = 2;

/**
 * Installs every published package into its own empty folder and checks its tree: every
 * `@identitycall/*` in it is one this release published (public), at the published version, and
 * imported by whatever declares it.
 * @param {import('./results.mjs').Results} results
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @returns {Promise<Map<string, string>>} the folder of each package that installed
 */
export async function standaloneInstalls(results, sup, { published, runDir, registryUrl }) {
  const dirs = new Map();
  const versions = new Map(published.map((p) => [p.name, p.version]));
  const queue = [...published];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const { name } = pkg;
      await results.cell({ area: 'install', subject: `npm install ${name}`, pm: 'npm' }, async () => {
        const dir = createConsumer({ runDir, pm: 'standalone', name: name.replace('@identitycall/', ''), registryUrl });
        await add(sup, { pm: 'npm', dir, runDir, packages: [name] });
        dirs.set(name, dir);
        const tree = inspectTree(dir);
        const internal = tree.packages.filter((p) => p.name.startsWith('@identitycall/'));
        const problems = [];
        for (const p of internal) {
          if (!versions.has(p.name)) problems.push(`${p.name} is in the tree but is not a published package`);
          else if (versions.get(p.name) !== p.version)
            problems.push(`${p.name}@${p.version} is in the tree, not the published ${versions.get(p.name)}`);
          for (const dep of unusedInternalDependencies(p)) {
            problems.push(`${p.name} depends on ${dep}, but none of its published files import it`);
          }
        }
        const summary = `${describeSize(tree)}; @identitycall/* in the tree: ${internal.map((p) => p.name.replace('@identitycall/', '')).join(', ')}`;
        if (problems.length > 0) throw new Error(`${problems.join('; ')} (${summary})`);
        return summary;
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return dirs;
}

/** The size of a fresh `npm install @identitycall/conformance`, held to SIZE_GOAL. */
export async function sizeCell(results, dir) {
  let line = `${SIZE_GOAL.name} install size: not measured (the install failed)`;
  await results.cell({ area: 'size', subject: `npm install ${SIZE_GOAL.name}`, pm: 'npm' }, async () => {
    if (!dir) throw new Error('not run: the standalone install failed');
    const tree = inspectTree(dir);
    const goal = `goal ≤ ${SIZE_GOAL.maxMB} MB and ≤ ${SIZE_GOAL.maxPackages} packages`;
    line = `${SIZE_GOAL.name} install size: ${describeSize(tree)} (${goal})`;
    const over = [];
    if (tree.diskBytes > SIZE_GOAL.maxMB * 1e6) over.push(`${mb(tree.diskBytes)} MB > ${SIZE_GOAL.maxMB} MB`);
    if (tree.packages.length > SIZE_GOAL.maxPackages) over.push(`${tree.packages.length} packages > ${SIZE_GOAL.maxPackages}`);
    if (over.length > 0) throw new Error(`over the goal: ${over.join(', ')}`);
    return `${tree.packages.length} packages, ${mb(tree.diskBytes)} MB (${goal})`;
  });
  return line;
}

/**
 * `npx @identitycall/mock --port 0` and `npx @identitycall/sandbox --port 0` from the registry
 * (each must answer the request its banner names, then stop), and `npx @identitycall/conformance`
 * against that sandbox (exit 0).
 */
export async function cliCells(results, sup, { runDir, registryUrl }) {
  const env = consumerEnv(runDir);
  const folder = (name) => createConsumer({ runDir, pm: 'npx', name, registryUrl });

  await results.cell({ area: 'cli', subject: 'npx @identitycall/mock --port 0', pm: 'npx' }, async () => {
    const mock = await startMock(sup, 'npx', ['--yes', '@identitycall/mock'], {
      cwd: folder('mock'),
      env,
      label: 'npx @identitycall/mock',
    });
    await mock.child.stop();
    return `${mock.url} answered ${mock.request} with 200, then stopped`;
  });

  let sandbox;
  await results.cell({ area: 'cli', subject: 'npx @identitycall/sandbox --port 0', pm: 'npx' }, async () => {
    sandbox = await startSandbox(sup, 'npx', ['--yes', '@identitycall/sandbox'], {
      cwd: folder('sandbox'),
      env,
      label: 'npx @identitycall/sandbox',
    });
    return `${sandbox.url} answered ${sandbox.request}; key with ${sandbox.permissions.join('/')} read from its banner`;
  });

  await results.cell({ area: 'cli', subject: 'npx @identitycall/conformance', pm: 'npx' }, async () => {
    if (!sandbox) throw new Error('not run: the registry-started sandbox did not start');
    const args = ['--yes', '@identitycall/conformance', '--base-url', sandbox.url, '--api-key', sandbox.key];
    const result = await sup.run('npx', args, {
      cwd: folder('conformance'),
      env,
      label: 'npx @identitycall/conformance',
      timeoutMs: 15 * 60_000,
    });
    if (!result.ok)
      throw new StepError(`npx @identitycall/conformance --base-url … --api-key … failed (${describeRun(result)})`, result.output);
    const last =
      result.output
        .trim()
        .split('\n')
        .filter((l) => /pass|fail|check/i.test(l))
        .at(-1) ?? '';
    return `exit 0 against the registry-started sandbox${last ? `: ${last.trim()}` : ''}`;
  });
  await sandbox?.child.stop();
}
