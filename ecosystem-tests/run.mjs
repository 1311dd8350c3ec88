#!/usr/bin/env node
/**
 * `pnpm test:consumers`: release the workspace into a private registry and use it as the teams
 * who install it do — then print one table and exit 1 on any failed cell.
 *
 *   1. turbo run build (cached);
 *   2. verdaccio on 127.0.0.1 (a free port), `pnpm publish -r` into it;
 *   3. every public package installed on its own with npm, its tree checked; the conformance
 *      install held to a size goal;
 *   4. consumer projects (projects/*) copied outside the workspace, the client added with npm and
 *      with pnpm; a sandbox started from the registry-installed @identitycall/sandbox;
 *   5. the scenario on Node 20/22/24 and Bun (ESM and CommonJS), Deno, and Chromium (a Vite
 *      bundle); tsc under node16, nodenext and bundler; the CLIs through npx; the tools (sandbox,
 *      conformance, mock) on Node 22 and 24.
 *
 * Options: --keep (keep the run's temp folder), --skip-build (use the packages as built).
 * ECOSYSTEM_VERBOSE=1 streams every child's output. See ecosystem-tests/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { browserCell, chromiumVersion } from './lib/browser.mjs';
import { add, createConsumer, PACKAGE_MANAGERS } from './lib/consumers.mjs';
import { cliCells, SIZE_GOAL, sizeCell, standaloneInstalls } from './lib/install-checks.mjs';
import { denoCell, nodeAndBunCells } from './lib/matrix.mjs';
import { publishWorkspace } from './lib/publish.mjs';
import { ensureVerdaccio, startRegistry } from './lib/registry.mjs';
import { Results } from './lib/results.mjs';
import { resolveRuntimes, RUNTIMES } from './lib/runtimes.mjs';
import { startSandbox } from './lib/servers.mjs';
import { Supervisor } from './lib/supervisor.mjs';
import { toolCells } from './lib/tools.mjs';
import { typescriptCells } from './lib/typescript.mjs';
import { CACHE_DIR, catalogVersion, cleanEnv, pnpmCommand, ROOT } from './lib/workspace.mjs';

const { values: options } = parseArgs({ options: { keep: { type: 'boolean' }, 'skip-build': { type: 'boolean' } } });
const started = Date.now();
const sup = new Supervisor();
sup.onSignals();
const results = new Results();
const runDir = mkdtempSync(join(tmpdir(), 'identitycall-consumers-'));
sup.defer(() => (options.keep ? console.log(`kept ${runDir}`) : rmSync(runDir, { recursive: true, force: true })));
let sizeLine = `${SIZE_GOAL.name} install size: not measured`;

/** What each consumer project adds, as a team would, in order. */
const CONSUMER_PROJECTS = [
  { template: 'node', steps: [{ packages: ['@identitycall/client'] }] },
  {
    template: 'typescript',
    steps: [{ packages: ['@identitycall/client'] }, { dev: true, packages: [`typescript@${catalogVersion('typescript')}`] }],
  },
  {
    template: 'browser-vite',
    steps: [
      { packages: ['@identitycall/client'] },
      { dev: true, packages: [`vite@${catalogVersion('vite')}`, `playwright-core@${catalogVersion('playwright-core')}`] },
    ],
  },
];

async function main() {
  console.log(`ecosystem-tests: run folder ${runDir}, cache ${CACHE_DIR}`);
  // Downloads that need nothing from the build start at once.
  const runtimes = resolveRuntimes(sup);
  const chromium = chromiumVersion(sup).catch(() => undefined); // absent → the browser cells say so
  const verdaccio = ensureVerdaccio(sup).catch((error) => error);

  const built = await results.cell({ area: 'release', subject: 'turbo run build' }, async () => {
    if (options['skip-build']) return 'skipped (--skip-build)';
    const [cmd, pre] = pnpmCommand();
    const result = await sup.mustRun(cmd, [...pre, 'run', 'build'], {
      cwd: ROOT,
      env: cleanEnv(),
      label: 'pnpm run build',
      timeoutMs: 20 * 60_000,
    });
    return result.output.match(/Cached:\s+(\d+ cached, \d+ total)/)?.[1] ?? 'built';
  });
  if (!built) return blockRest('the build failed');

  let registry;
  const registered = await results.cell({ area: 'release', subject: 'verdaccio 6.8.0 (private registry)' }, async () => {
    const install = await verdaccio;
    if (install instanceof Error) throw install;
    registry = await startRegistry(sup, { bin: install.bin, workDir: join(runDir, 'registry') });
    return `${registry.url} (${install.cached ? 'install cached' : 'installed'}; @identitycall/* local only, the rest proxied to npmjs)`;
  });
  if (!registered) return blockRest('the registry did not start');

  let release;
  const publishedOk = await results.cell({ area: 'release', subject: 'pnpm publish -r' }, async () => {
    release = await publishWorkspace(sup, registry, runDir);
    return release.detail;
  });
  if (!publishedOk) return blockRest('the publish failed');

  const context = { runDir, registryUrl: registry.url };
  const [standalone, consumers] = await Promise.all([
    standaloneInstalls(results, sup, { ...context, published: release.published }),
    installConsumers(context),
  ]);

  let sandbox;
  await results.cell({ area: 'release', subject: 'sandbox from the installed @identitycall/sandbox' }, async () => {
    const dir = standalone.get('@identitycall/sandbox');
    if (!dir) throw new Error('not run: npm install @identitycall/sandbox failed');
    const bin = join(dir, 'node_modules', '.bin', 'identitycall-sandbox');
    sandbox = await startSandbox(sup, process.execPath, [bin], { cwd: dir, env: cleanEnv(), label: 'identitycall-sandbox' });
    return `${sandbox.url}, key with ${sandbox.permissions.join('/')}`;
  });
  // Two lanes, one per core: the runtimes then tsc (CPU-bound, one process at a time), and the
  // CLIs (installs, Prism, a conformance run), which start their own sandbox.
  await Promise.all([
    (async () => {
      await runtimeLane(sandbox, consumers, context, runtimes, chromium);
      for (const pm of PACKAGE_MANAGERS) await typescriptCells(results, sup, { pm, dir: consumers.get(`${pm}/typescript`) });
      await toolCells(results, sup, { runtimes: await runtimes, standalone });
    })(),
    cliCells(results, sup, context),
  ]);
  sizeLine = await sizeCell(results, standalone.get(SIZE_GOAL.name));
}

/** Node, Bun, Deno and Chromium against the registry-installed sandbox, one after another. */
async function runtimeLane(sandbox, consumers, context, runtimesPromise, chromium) {
  let runtimes;
  await results.cell({ area: 'runtime', subject: `runtimes (${RUNTIMES.map((r) => r.spec).join(', ')})` }, async () => {
    // Informational: a missing runtime fails (CI) or skips its own cells below.
    runtimes = await runtimesPromise;
    return [...runtimes.values()]
      .map((r) => (r.error ? `${r.spec}: missing` : `${r.name} ${r.version} (${r.source}, ${(r.ms / 1000).toFixed(1)} s)`))
      .join(', ');
  });
  if (!sandbox) {
    results.blocked({ area: 'runtime', subject: 'Node, Bun, Deno, Chromium' }, 'no sandbox to run against');
    return;
  }
  const shared = { runtimes, sandbox, runDir: context.runDir };
  await nodeAndBunCells(results, sup, { ...shared, nodeConsumers: byPm(consumers, 'node') });
  await denoCell(results, sup, {
    ...shared,
    dir: createConsumer({ ...context, pm: 'deno', template: 'deno' }),
    registryUrl: context.registryUrl,
  });
  const chromiumName = await chromium;
  for (const pm of PACKAGE_MANAGERS) {
    await browserCell(results, sup, { ...shared, pm, dir: consumers.get(`${pm}/browser-vite`), chromium: chromiumName });
  }
  await sandbox.child.stop();
}

/**
 * Every consumer project with every package manager, one row per package manager.
 * @returns {Promise<Map<string, string | Error>>} `<pm>/<template>` → its folder, or why it failed
 */
async function installConsumers({ runDir, registryUrl }) {
  const folders = new Map();
  await Promise.all(
    PACKAGE_MANAGERS.map((pm) =>
      results.cell(
        { area: 'install', subject: `consumer projects (${CONSUMER_PROJECTS.map((p) => p.template).join(', ')})`, pm },
        async () => {
          const failures = [];
          for (const { template, steps } of CONSUMER_PROJECTS) {
            const dir = createConsumer({ runDir, pm, template, registryUrl });
            try {
              for (const step of steps) await add(sup, { pm, dir, runDir, ...step });
              folders.set(`${pm}/${template}`, dir);
            } catch (error) {
              folders.set(`${pm}/${template}`, error);
              failures.push(error);
            }
          }
          if (failures.length > 0) throw failures[0];
          return `${pm === 'npm' ? 'npm install' : 'pnpm add'} @identitycall/client (+ typescript, vite, playwright-core as devDependencies)`;
        },
      ),
    ),
  );
  return folders;
}

/** After a failed release step nothing else can run; the table says so. */
function blockRest(reason) {
  results.blocked({ area: 'install, runtime, types, cli, size', subject: 'every remaining cell' }, reason);
}

function byPm(consumers, template) {
  return new Map(PACKAGE_MANAGERS.map((pm) => [pm, consumers.get(`${pm}/${template}`)]));
}

let exitCode = 1;
try {
  await main();
  exitCode = results.failed > 0 || results.rows.length === 0 ? 1 : 0;
} catch (error) {
  results.blocked({ area: 'harness', subject: 'unexpected error' }, error?.message ?? String(error));
  console.error(error?.stack ?? error);
} finally {
  await sup.close();
}
console.log(`\n${results.format()}\n\n${sizeLine}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (results.failed > 0) console.log(`test:consumers FAILED: ${results.failed} cell(s)`);
process.exitCode = results.failed > 0 ? 1 : exitCode;
