#!/usr/bin/env node
/**
 * The size budget: createIdentityCallClient with everything it pulls in may weigh at most 6 kB
 * (6,000 bytes, minified + gzipped) more than openapi-fetch alone, both measured by size-limit in
 * the same run (the entries and their absolute backstop limits are in package.json).
 * @see https://github.com/ai/size-limit
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUDGET_OVER_OPENAPI_FETCH = 6_000;

const bin = fileURLToPath(new URL('../node_modules/.bin/size-limit', import.meta.url));
let output;
try {
  output = execFileSync(bin, ['--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (error) {
  // size-limit exits non-zero when an absolute limit is exceeded; its JSON still says which.
  output = error.stdout;
  if (!output) throw error;
}
const results = JSON.parse(output);
const client = results.find((r) => r.name.startsWith('createIdentityCallClient'));
const base = results.find((r) => r.name === 'openapi-fetch alone');
if (!client || !base) throw new Error('size-limit did not report both entries; check "size-limit" in package.json.');

const over = client.size - base.size;
for (const r of results) console.log(`${r.passed ? '✓' : '✗'} ${r.name}: ${r.size} B (limit ${r.sizeLimit} B)`);
console.log(
  `${over <= BUDGET_OVER_OPENAPI_FETCH ? '✓' : '✗'} client over openapi-fetch: ${over} B (budget ${BUDGET_OVER_OPENAPI_FETCH} B, min+gzip)`,
);
if (over > BUDGET_OVER_OPENAPI_FETCH || results.some((r) => !r.passed)) process.exitCode = 1;
