/**
 * vitest global setup: the CLI tests run the built `dist/cli.js` as a child process, so build it
 * once, before any test file starts, when it is missing or older than the source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const cli = join(pkg, 'dist', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(pkg, 'src'))) {
    execFileSync(process.execPath, [join(pkg, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: pkg,
      stdio: 'inherit',
    });
  }
}
