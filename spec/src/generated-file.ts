/**
 * Writing files generated from the spec, and checking them for drift: one rule for every
 * package that commits generated code (`pnpm generate` writes, `--check` compares).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { OpenAPIDocument } from './document.js';

/** The header every generated file starts with. */
export function generatedHeader(doc: OpenAPIDocument, tool: string): string {
  return [
    `// Generated from spec/openapi.yaml (${doc.info.title} ${doc.info.version}) by ${tool} — do not edit.`,
    '// Regenerate with `pnpm generate`; CI fails when this file drifts from the spec.',
    '',
  ].join('\n');
}

/**
 * Writes `content` to `path`, or with `check` compares it with the committed file instead.
 * @returns true when the file was written or is current; false when `check` found drift.
 */
export function emitGeneratedFile(path: string, content: string, { check = false } = {}): boolean {
  if (!check) {
    writeFileSync(path, content);
    return true;
  }
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  return current === content;
}

/**
 * The body of a `generate` script: writes or checks, prints what happened, sets the exit code.
 */
export function runGenerator(path: string, content: string, argv: readonly string[] = process.argv): void {
  const check = argv.includes('--check');
  if (emitGeneratedFile(path, content, { check })) {
    console.log(check ? `${path} matches the spec` : `wrote ${path}`);
  } else {
    console.error(`${path} is out of date with the spec; run \`pnpm generate\` and commit the result.`);
    process.exitCode = 1;
  }
}
