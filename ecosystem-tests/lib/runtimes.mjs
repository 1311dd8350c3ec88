/**
 * The runtimes of the matrix, fetched from the public npm registry with npx (`node@22`, `bun@1`,
 * …) into the harness cache, which only ever holds immutable public releases. Each resolves to
 * the binary itself, so a cell runs it directly.
 */
import { join } from 'node:path';
import { MissingPrerequisite } from './results.mjs';
import { CACHE_DIR, cleanEnv } from './workspace.mjs';

const NODE_PROBE = ['-p', 'process.execPath + "\\n" + process.version'];

/** What the matrix runs: Node's supported majors, Bun 1 and Deno 2. */
export const RUNTIMES = [
  { id: 'node20', name: 'Node', spec: 'node@20', probe: NODE_PROBE, major: 20 },
  { id: 'node22', name: 'Node', spec: 'node@22', probe: NODE_PROBE, major: 22 },
  { id: 'node24', name: 'Node', spec: 'node@24', probe: NODE_PROBE, major: 24 },
  { id: 'bun', name: 'Bun', spec: 'bun@1', probe: ['-e', 'console.log(process.execPath); console.log(Bun.version)'] },
  { id: 'deno', name: 'Deno', spec: 'deno@2', probe: ['eval', 'console.log(Deno.execPath()); console.log(Deno.version.deno)'] },
];

/**
 * Resolves every runtime (concurrently). The machine's Node is used for its own major.
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @returns {Promise<Map<string, { name: string, bin: string, version: string } | { name: string, error: Error }>>}
 */
export async function resolveRuntimes(sup) {
  const entries = await Promise.all(
    RUNTIMES.map(async (rt) => {
      const started = Date.now();
      try {
        const found = await resolveOne(sup, rt);
        return [rt.id, { name: rt.name, ...found, ms: Date.now() - started }];
      } catch (error) {
        return [rt.id, { name: rt.name, spec: rt.spec, error }];
      }
    }),
  );
  return new Map(entries);
}

async function resolveOne(sup, rt) {
  if (rt.major !== undefined && Number(process.versions.node.split('.')[0]) === rt.major) {
    return { bin: process.execPath, version: process.versions.node, source: 'this machine' };
  }
  const result = await sup.run('npx', ['-y', rt.spec, ...rt.probe], {
    env: cleanEnv({ npm_config_cache: join(CACHE_DIR, 'npm') }),
    label: `npx -y ${rt.spec}`,
    timeoutMs: 10 * 60_000,
  });
  const lines = result.output.trim().split('\n');
  const [bin, version] = lines.slice(-2).map((l) => l.trim());
  if (!result.ok || !bin?.startsWith('/')) {
    throw new MissingPrerequisite(`${rt.spec} is not available (npx -y ${rt.spec}: ${lines.at(-1) ?? 'no output'})`);
  }
  return { bin, version: version.replace(/^v/, ''), source: 'npx' };
}

/** The runtime or a MissingPrerequisite, for use inside a cell. */
export function runtimeOrThrow(runtimes, id) {
  const rt = runtimes.get(id);
  if (!rt || rt.error) throw rt?.error ?? new MissingPrerequisite(`runtime ${id} unknown`);
  return rt;
}
