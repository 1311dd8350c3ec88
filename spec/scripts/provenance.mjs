#!/usr/bin/env node
/**
 * Prints every part of the spec that is inferred rather than read from the docs, as a Markdown
 * table a reviewer can paste into a review. Reads each operation's `x-docs.inferred` list.
 * Usage: pnpm --filter @identitycall/openapi provenance [--json]
 */
import { listInferred, loadSpec, missingProvenance } from '../dist/index.js';

const doc = loadSpec();
const missing = missingProvenance(doc);
if (missing.length > 0) {
  console.error(`Operations without x-docs provenance: ${missing.join(', ')}`);
  process.exit(1);
}
const parts = listInferred(doc);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(parts, null, 2));
} else {
  console.log(`# Inferred parts of the IdentityCall spec (${parts.length})\n`);
  console.log('| Operation | Endpoint | Inferred | Docs page |');
  console.log('|---|---|---|---|');
  for (const p of parts) {
    const cell = p.inferred.replace(/\|/g, '\\|');
    console.log(`| \`${p.operationId}\` | \`${p.method} ${p.path}\` | ${cell} | ${p.docsUrl} |`);
  }
}
