#!/usr/bin/env node
/**
 * Runs after tsup: copies the generated API types of @identitycall/types into dist/api-types.d.ts
 * and .d.cts, and points the client's declarations at them. @identitycall/types is ESM-only, so a
 * CommonJS consumer's dist/index.d.cts could not import it (TS1479); tsup keeps every dependency
 * external in declarations, so its `dts.resolve` cannot inline it. Fails fast on anything but
 * plain `export type * from './…'` re-exports, the shape the types package has.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@identitycall/types/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const entry = join(pkgDir, pkg.types);

const strip = (text) => text.replace(/^\/\/# sourceMappingURL=.*$/m, '').trimEnd();
const parts = [];
for (const line of readFileSync(entry, 'utf8').split('\n')) {
  const reexport = line.match(/^export type \* from '(\.\/[^']+)\.js';$/);
  if (reexport) {
    const file = join(dirname(entry), `${reexport[1]}.d.ts`);
    const text = strip(readFileSync(file, 'utf8'));
    if (/^\s*(import|export .* from)\s/m.test(text)) throw new Error(`${file} imports other modules; vendor-types cannot inline it.`);
    parts.push(text);
  } else if (/^\s*(import|export)\b/.test(line)) {
    throw new Error(`Unexpected statement in ${entry}: ${line}`);
  }
}
if (parts.length === 0) throw new Error(`No \`export type * from './…'\` in ${entry}; nothing to inline.`);

const header = `// The API types of @identitycall/types ${pkg.version}, generated from the spec; copied here by scripts/vendor-types.mjs.\n`;
for (const [ext, js] of [
  ['d.ts', 'js'],
  ['d.cts', 'cjs'],
]) {
  writeFileSync(new URL(`api-types.${ext}`, dist), `${header}${parts.join('\n')}\n`);
  const indexUrl = new URL(`index.${ext}`, dist);
  const index = readFileSync(indexUrl, 'utf8');
  const rewritten = index.replaceAll("from '@identitycall/types'", `from './api-types.${js}'`);
  if (rewritten.includes('@identitycall/types') || rewritten === index) {
    throw new Error(`dist/index.${ext}: could not point every @identitycall/types import at ./api-types.${js}`);
  }
  writeFileSync(indexUrl, rewritten);
}
console.log('vendor-types: dist/api-types.d.ts and .d.cts written; declarations no longer import @identitycall/types');
