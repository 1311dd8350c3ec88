#!/usr/bin/env node
/**
 * Runs the README's test command while two CPU-bound processes compete for the machine, the way a
 * shared two-core CI runner does, and reports the time and the result. Turbo's cache is bypassed
 * (`--force`), so every suite really runs. Exit code: the test command's.
 *
 *   node scripts/test-under-load.mjs [--loaders 2] [--runs 1]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { loaders: { type: 'string', default: '2' }, runs: { type: 'string', default: '1' } },
});
const loaders = Number(values.loaders);
const runs = Number(values.runs);
if (!Number.isInteger(loaders) || loaders < 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('--loaders must be an integer ≥ 0 and --runs an integer ≥ 1');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');

/** Starts one process that spins a core until it is killed. */
function startLoader() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
    child.once('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const pnpm = ['-y', 'pnpm@12.4.2'];
const results = [];
const spinning = Array.from({ length: loaders }, startLoader);
const stop = () => {
  for (const child of spinning) child.kill('SIGKILL');
};
process.once('SIGINT', () => {
  stop();
  process.exit(130);
});
try {
  for (let i = 1; i <= runs; i += 1) {
    console.log(`\n=== run ${i} of ${runs}: the README's test command with ${loaders} CPU-bound processes beside it`);
    const started = Date.now();
    const install = await run('npx', [...pnpm, 'install', '--frozen-lockfile']);
    const test = install === 0 ? await run('npx', [...pnpm, 'test', '--force']) : install;
    const summary = await run(process.execPath, ['scripts/test-summary.mjs']);
    const seconds = (Date.now() - started) / 1000;
    results.push({ run: i, seconds, ok: test === 0 && summary === 0 });
    console.log(`=== run ${i}: ${test === 0 && summary === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  }
} finally {
  stop();
}
console.log('\nrun | result | seconds');
for (const r of results) console.log(`${r.run} | ${r.ok ? 'passed' : 'FAILED'} | ${r.seconds.toFixed(1)}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
