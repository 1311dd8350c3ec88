#!/usr/bin/env node
/**
 * Sets `info.version` in openapi.yaml to the package version (changesets bumps package.json; the
 * root `version-packages` script runs this right after `changeset version`). Only that one scalar
 * is rewritten, so comments and layout stay as they are. bundle.mjs fails the build while the two
 * differ; `--check` only reports.
 *
 * Usage: node scripts/sync-version.mjs [--check] [package-dir]
 * @see https://github.com/changesets/changesets/blob/main/docs/command-line-options.md#version
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, parseDocument } from 'yaml';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dirArg = args.find((a) => !a.startsWith('--'));
const root = dirArg ? resolve(dirArg) : join(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = join(root, 'openapi.yaml');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const text = readFileSync(specPath, 'utf8');
const doc = parseDocument(text);
if (doc.errors.length) {
  console.error(`${specPath} is not valid YAML: ${doc.errors[0].message}`);
  process.exit(1);
}
const node = doc.getIn(['info', 'version'], true);
if (!isScalar(node) || !node.range) {
  console.error(`${specPath} has no info.version scalar to update; add \`info: { version: ${version} }\`.`);
  process.exit(1);
}
if (String(node.value) === version) {
  console.log(`openapi.yaml info.version is already ${version}`);
  process.exit(0);
}
if (check) {
  console.error(
    `openapi.yaml info.version is ${JSON.stringify(node.value)} but package.json says ${version}; run \`pnpm version-packages\` or \`node spec/scripts/sync-version.mjs\`.`,
  );
  process.exit(1);
}
const [start, end] = node.range;
const quote = /^['"]/.test(text[start]) ? text[start] : '';
writeFileSync(specPath, `${text.slice(0, start)}${quote}${version}${quote}${text.slice(end)}`);
console.log(`openapi.yaml info.version ${JSON.stringify(node.value)} → ${version}`);
