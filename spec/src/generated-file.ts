/**
 * Writing files generated from the spec: one header and one writer for every package that commits
 * generated code. Drift is checked in one place only — CI runs `pnpm generate` and requires a
 * clean git tree — so there is no second, in-memory comparison to keep in step with it.
 */
import { writeFileSync } from 'node:fs';
import type { OpenAPIDocument } from './document.js';

/** The header every generated file starts with. */
export function generatedHeader(doc: OpenAPIDocument, tool: string): string {
  return [
    `// Generated from spec/openapi.yaml (${doc.info.title} ${doc.info.version}) by ${tool} — do not edit.`,
    '// Regenerate with `pnpm generate`; CI fails when this file drifts from the spec.',
    '',
  ].join('\n');
}

/** The body of a `generate` script: writes `content` to `path` and says so. */
export function runGenerator(path: string, content: string): void {
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}
