/**
 * Type-checking consumers of the installed client with the `typescript` they installed: one
 * tsconfig per module resolution and module system (projects/typescript/tsconfig.*.json), plus
 * a file with a deliberate error that tsc must report — with the expected code, only there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, StepError } from './supervisor.mjs';
import { cleanEnv } from './workspace.mjs';

/** Each cell is a tsconfig of the project; bundler has no CommonJS form (it needs ES modules). */
export const TS_CELLS = [
  { resolution: 'node16', module: 'ESM (.mts)', config: 'tsconfig.node16-esm.json' },
  { resolution: 'node16', module: 'CJS (.cts)', config: 'tsconfig.node16-cjs.json' },
  { resolution: 'nodenext', module: 'ESM (.mts)', config: 'tsconfig.nodenext-esm.json' },
  { resolution: 'nodenext', module: 'CJS (.cts)', config: 'tsconfig.nodenext-cjs.json' },
  { resolution: 'bundler', module: 'ESM (.ts)', config: 'tsconfig.bundler-esm.json' },
];
const BAD = { config: 'tsconfig.bad.json', file: 'src/bad.mts', good: 'tsconfig.nodenext-esm.json' };

/**
 * @param {import('./results.mjs').Results} results
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @param {{ pm: string, dir: string | Error }} consumer
 */
export async function typescriptCells(results, sup, { pm, dir }) {
  const runs = new Map(); // one tsc per config: the deliberate-error cell reuses the good file's run
  const tsc = (config) => {
    if (!runs.has(config)) {
      const bin = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
      runs.set(
        config,
        sup.run(process.execPath, [bin, '-p', config, '--pretty', 'false'], {
          cwd: dir,
          env: cleanEnv(),
          label: `tsc -p ${config}`,
          timeoutMs: 5 * 60_000,
        }),
      );
    }
    return runs.get(config);
  };
  const installed = () => {
    if (dir instanceof Error) throw new StepError(`not run: the ${pm} install failed`, dir.output ?? dir.message);
  };
  const tsVersion =
    dir instanceof Error ? '5.x' : JSON.parse(readFileSync(join(dir, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;

  for (const cell of TS_CELLS) {
    await results.cell({ area: 'types', subject: `tsc ${tsVersion} ${cell.resolution}`, module: cell.module, pm }, async () => {
      installed();
      const result = await tsc(cell.config);
      if (!result.ok) throw new StepError(`tsc -p ${cell.config} reported errors (${describeRun(result)})`, result.output);
      return `${cell.config}: no errors`;
    });
  }

  await results.cell({ area: 'types', subject: `tsc ${tsVersion} deliberate error`, module: 'ESM (.mts)', pm }, async () => {
    installed();
    const expected = readFileSync(join(dir, BAD.file), 'utf8').match(/expected-error: (TS\d+)/)?.[1];
    if (!expected) throw new Error(`${BAD.file} names no "expected-error: TSxxxx"`);
    const good = await tsc(BAD.good);
    if (!good.ok) throw new StepError(`the same settings fail on the good file (${BAD.good})`, good.output);
    const bad = await tsc(BAD.config);
    const errors = [...bad.output.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+):/gm)].map((m) => ({ file: m[1], code: m[2] }));
    if (bad.ok) throw new StepError(`tsc accepted ${BAD.file}, which must fail with ${expected}`, bad.output);
    const wrong = errors.filter((e) => e.code !== expected || !e.file.endsWith(BAD.file));
    if (errors.length === 0 || wrong.length > 0) {
      throw new StepError(
        `tsc must report only ${expected} in ${BAD.file}; it reported ${errors.map((e) => `${e.code} in ${e.file}`).join(', ') || 'no parsable error'}`,
        bad.output,
      );
    }
    return `${BAD.file} refused with ${expected}; the good file passes`;
  });
}
