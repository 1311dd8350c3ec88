/**
 * The tools on every supported Node: the registry-installed sandbox, conformance CLI and mock run
 * with Node 22 and 24 (the machine's Node 20 runs them in the `cli` cells). The conformance CLI
 * checks the sandbox started on the same Node, so both sides of a run are proven there.
 */
import { join } from 'node:path';
import { runtimeOrThrow } from './runtimes.mjs';
import { startMock, startSandbox } from './servers.mjs';
import { describeRun, StepError } from './supervisor.mjs';
import { cleanEnv } from './workspace.mjs';

/** The newer Node majors the tools are run on here. */
export const TOOL_RUNTIMES = ['node22', 'node24'];

/** The installed bin of `name` in its standalone folder. */
function binOf(standalone, name, bin) {
  const dir = standalone.get(name);
  if (!dir) throw new Error(`not run: npm install ${name} failed`);
  return { dir, path: join(dir, 'node_modules', '.bin', bin) };
}

/**
 * For each of {@link TOOL_RUNTIMES}: the sandbox (answers its admin request), a full conformance
 * run against it (exit 0), and the mock (answers the request it suggests).
 * @param {import('./results.mjs').Results} results
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function toolCells(results, sup, { runtimes, standalone }) {
  for (const id of TOOL_RUNTIMES) {
    let runtime;
    let sandbox;
    const label = () => `${runtime?.name ?? 'Node'} ${runtime?.version ?? id}`;
    await results.cell({ area: 'tools', subject: `identitycall-sandbox on ${id}`, pm: 'npm' }, async () => {
      runtime = runtimeOrThrow(runtimes, id);
      const { dir, path } = binOf(standalone, '@identitycall/sandbox', 'identitycall-sandbox');
      sandbox = await startSandbox(sup, runtime.bin, [path], { cwd: dir, env: cleanEnv(), label: `identitycall-sandbox (${label()})` });
      return `${label()}: ${sandbox.url} answered ${sandbox.request}`;
    });
    await results.cell({ area: 'tools', subject: `identitycall-conformance on ${id}`, pm: 'npm' }, async () => {
      if (!sandbox) throw new Error('not run: the sandbox did not start on this Node');
      const { dir, path } = binOf(standalone, '@identitycall/conformance', 'identitycall-conformance');
      const result = await sup.run(runtime.bin, [path, '--base-url', sandbox.url, '--api-key', sandbox.key, '--quiet'], {
        cwd: dir,
        env: cleanEnv({ NO_COLOR: '1' }),
        label: `identitycall-conformance (${label()})`,
        timeoutMs: 15 * 60_000,
      });
      if (!result.ok) throw new StepError(`identitycall-conformance failed on ${label()} (${describeRun(result)})`, result.output);
      return `${label()}: exit 0 against the sandbox on the same Node`;
    });
    await sandbox?.child.stop();
    await results.cell({ area: 'tools', subject: `identitycall-mock on ${id}`, pm: 'npm' }, async () => {
      runtime = runtimeOrThrow(runtimes, id);
      const { dir, path } = binOf(standalone, '@identitycall/mock', 'identitycall-mock');
      const mock = await startMock(sup, runtime.bin, [path], { cwd: dir, env: cleanEnv(), label: `identitycall-mock (${label()})` });
      await mock.child.stop();
      return `${label()}: ${mock.url} answered ${mock.request} with 200`;
    });
  }
}
