#!/usr/bin/env node
/**
 * Runs the package's Redocly CLI with the given arguments and passes its output through, minus the
 * boxed notice Redocly prints on every run under Node 20 ("Node.js 20 reached end-of-life…"). The
 * toolkit states its supported Node versions in the README; twelve lines of banner on every
 * `pnpm lint` only hide the lint result. Everything else, and the exit code, is Redocly's own.
 * @see https://redocly.com/docs/cli/commands/lint
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..');
const child = spawn(join(root, 'node_modules', '.bin', 'redocly'), process.argv.slice(2), {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});

/** Copies `from` to `to` line by line, leaving out a box drawn from a `╔` line to its `╚` line. */
function passThrough(from, to) {
  let inBox = false;
  const lines = createInterface({ input: from, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const text = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
    if (!inBox && text.startsWith('╔') && text.endsWith('╗')) inBox = true;
    else if (inBox && text.startsWith('╚')) inBox = false;
    else if (!inBox) to.write(`${line}\n`);
  });
  return new Promise((resolve) => lines.once('close', resolve));
}

const streams = Promise.all([passThrough(child.stdout, process.stdout), passThrough(child.stderr, process.stderr)]);
child.once('error', (error) => {
  console.error(`Could not run Redocly: ${error.message}`);
  process.exit(1);
});
child.once('close', async (code, signal) => {
  await streams;
  process.exit(code ?? (signal ? 1 : 0));
});
