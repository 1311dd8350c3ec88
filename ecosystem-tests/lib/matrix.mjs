/**
 * The runtime matrix: the scenario (projects/scenario.mjs) run by the installed client against
 * the sandbox on Node 20/22/24 and Bun (ESM `import` and CommonJS `require()`, from an npm and a
 * pnpm install) and on Deno (`npm:` specifiers from the registry).
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportTarget, PACKAGE_MANAGERS } from './consumers.mjs';
import { runtimeOrThrow } from './runtimes.mjs';
import { describeRun, StepError } from './supervisor.mjs';
import { cleanEnv } from './workspace.mjs';

const CLIENT = '@identitycall/client';
const SCENARIO_TIMEOUT_MS = 2 * 60_000;
const MODULES = [
  { module: 'ESM', file: 'esm.mjs', condition: 'import' },
  { module: 'CJS', file: 'cjs.cjs', condition: 'require' },
];

/** Environment for one scenario run: where the sandbox is and which key to use. */
export function scenarioEnv(sandbox, label, extra = {}) {
  return cleanEnv({
    IDENTITYCALL_BASE_URL: sandbox.url,
    IDENTITYCALL_API_KEY: sandbox.key,
    CONSUMER_LABEL: label,
    NO_COLOR: '1',
    ...extra,
  });
}

/**
 * Checks a scenario run: exit 0 and `SCENARIO-OK`; with `entry`, the printed `ENTRY` must be the
 * file the package's export condition names (proof that the cell ran the module system it names).
 */
export function checkScenario(result, { label, entry } = {}) {
  if (!result.ok || !/^SCENARIO-OK /m.test(result.output)) {
    throw new StepError(`${label} failed (${describeRun(result)})`, result.output);
  }
  let loaded = '';
  if (entry) {
    const printed = result.output.match(/^ENTRY (\S+)/m)?.[1];
    loaded = printed?.startsWith('file:') ? fileURLToPath(printed) : printed;
    if (!loaded?.endsWith(join(CLIENT, entry))) {
      throw new StepError(`${label} loaded ${loaded ?? 'an unknown file'}, not the package's ${entry}`, result.output);
    }
  }
  return `list, update, get, 404 → NotFoundError${loaded ? ` (${basename(loaded)})` : ''}`;
}

/**
 * Node and Bun cells, for each package manager's consumer folder.
 * @param {import('./results.mjs').Results} results
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @param {{ runtimes: Map<string, any>, nodeConsumers: Map<string, string | Error>, sandbox: { url: string, key: string } }} ctx
 */
export async function nodeAndBunCells(results, sup, { runtimes, nodeConsumers, sandbox }) {
  for (const pm of PACKAGE_MANAGERS) {
    for (const id of ['node20', 'node22', 'node24', 'bun']) {
      for (const { module, file, condition } of MODULES) {
        const rt = runtimes.get(id);
        const subject = `${rt.name} ${rt.version ?? rt.spec}`;
        await results.cell({ area: 'runtime', subject, module, pm }, async () => {
          const dir = nodeConsumers.get(pm);
          if (dir instanceof Error) throw new StepError(`not run: the ${pm} install failed`, dir.output ?? dir.message);
          const { bin } = runtimeOrThrow(runtimes, id);
          const label = `${id}-${module}-${pm}`;
          const result = await sup.run(bin, [file], {
            cwd: dir,
            env: scenarioEnv(sandbox, label),
            label: `${subject} ${file}`,
            timeoutMs: SCENARIO_TIMEOUT_MS,
          });
          return checkScenario(result, { label: `${subject} ${file}`, entry: exportTarget(join(dir, 'node_modules', CLIENT), condition) });
        });
      }
    }
  }
}

/**
 * The Deno cell: `deno run main.ts` with `npm:@identitycall/client`, resolved from the run's
 * registry (NPM_CONFIG_REGISTRY) into a DENO_DIR private to the run.
 */
export async function denoCell(results, sup, { runtimes, dir, runDir, registryUrl, sandbox }) {
  const rt = runtimes.get('deno');
  const subject = `${rt.name} ${rt.version ?? rt.spec}`;
  await results.cell({ area: 'runtime', subject, module: 'ESM (npm:)', pm: 'deno' }, async () => {
    const { bin } = runtimeOrThrow(runtimes, 'deno');
    const env = scenarioEnv(sandbox, 'deno', {
      NPM_CONFIG_REGISTRY: registryUrl,
      DENO_DIR: join(runDir, 'deno-dir'),
      DENO_NO_UPDATE_CHECK: '1',
    });
    const args = ['run', '--allow-net=127.0.0.1', '--allow-env=IDENTITYCALL_BASE_URL,IDENTITYCALL_API_KEY,CONSUMER_LABEL', 'main.ts'];
    const result = await sup.run(bin, args, { cwd: dir, env, label: `deno ${args.join(' ')}`, timeoutMs: 5 * 60_000 });
    return checkScenario(result, { label: 'deno run main.ts' });
  });
}
