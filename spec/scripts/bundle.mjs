#!/usr/bin/env node
/**
 * Bundles spec/openapi.yaml into dist/openapi.json and dist/openapi.yaml (single files, every
 * external reference inlined) with Redocly, after checking that `info.version` follows the
 * package version, so published tools and the toolkit read the same document.
 * @see https://redocly.com/docs/cli/commands/bundle
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const doc = parse(readFileSync(join(root, 'openapi.yaml'), 'utf8'));
if (doc?.info?.version !== pkg.version) {
  console.error(
    `openapi.yaml info.version is ${JSON.stringify(doc?.info?.version)} but package.json says ${pkg.version}; ` +
      'set info.version to the package version (changesets bump the package).',
  );
  process.exit(1);
}

mkdirSync(join(root, 'dist'), { recursive: true });
const redocly = join(root, 'node_modules', '.bin', 'redocly');
for (const ext of ['json', 'yaml']) {
  try {
    // Output is captured: Redocly prints a Node 20 deprecation banner on every run.
    execFileSync(redocly, ['bundle', 'openapi.yaml', '--output', `dist/openapi.${ext}`, '--ext', ext], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    process.stderr.write(String(error.stderr ?? error.message));
    process.exit(1);
  }
}
console.log('bundled openapi.yaml into dist/openapi.json and dist/openapi.yaml');
