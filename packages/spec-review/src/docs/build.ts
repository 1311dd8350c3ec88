/**
 * Builds the rendered API reference: the bundled spec with provenance in each description, through
 * `redocly build-docs --inlineBundle` and the offline template, into `<outDir>/index.html`. Redocly
 * runs with telemetry and update checks off, so the build needs no network either.
 * @see https://redocly.com/docs/cli/commands/build-docs
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundledSpecPath, listOperations, type OpenAPIDocument } from '@identitycall/openapi';
import { DocsNotOfflineError, SpecParseError, ToolFailedError } from '../errors.js';
import { withProvenance } from './provenance.js';
import { CONTENT_SECURITY_POLICY, OFFLINE_TEMPLATE } from './template.js';

/** Options of {@link buildDocs}. */
export interface BuildDocsOptions {
  /** Directory that receives `index.html` (created if missing). */
  outDir: string;
  /**
   * The bundled single-file spec (JSON or YAML) to render.
   * @default the spec package's `dist/openapi.json`
   */
  specFile?: string;
}

/** What {@link buildDocs} produced. */
export interface BuiltDocs {
  file: string;
  operations: number;
  bytes: number;
}

/** Environment that keeps Redocly off the network (no telemetry, no update check). */
export const OFFLINE_ENV: Readonly<Record<string, string>> = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
};

/**
 * Builds the reference.
 * @throws SpecParseError if the spec cannot be read; ToolFailedError if Redocly fails;
 *   DocsNotOfflineError if the page would load anything from the network.
 */
export async function buildDocs(options: BuildDocsOptions): Promise<BuiltDocs> {
  const specFile = resolve(options.specFile ?? bundledSpecPath);
  let doc: OpenAPIDocument;
  try {
    const text = readFileSync(specFile, 'utf8');
    doc = (specFile.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text)) as OpenAPIDocument;
  } catch (cause) {
    throw new SpecParseError(specFile, `cannot read the bundled spec (run \`pnpm build\` first): ${(cause as Error).message}`, cause);
  }
  const work = mkdtempSync(join(tmpdir(), 'identitycall-docs-'));
  try {
    const input = join(work, 'openapi.json');
    const template = join(work, 'template.hbs');
    writeFileSync(input, JSON.stringify(withProvenance(doc)));
    writeFileSync(template, OFFLINE_TEMPLATE);
    const outDir = resolve(options.outDir);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'index.html');
    await runRedocly(['build-docs', input, '--inlineBundle', '--template', template, '--output', file, '--lint-config', 'off'], work);
    const html = readFileSync(file, 'utf8');
    assertOffline(html);
    return { file, operations: listOperations(doc).length, bytes: Buffer.byteLength(html) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Checks that a built page loads no script, style or font from a URL and carries the policy.
 * @throws DocsNotOfflineError listing what it would load.
 */
export function assertOffline(html: string): void {
  const remote: string[] = [];
  // Tags outside the inlined bundle; strings inside the bundle are refused at run time by the policy.
  const markup = html.replace(/<script type="module">[\s\S]*?<\/script>/g, '');
  for (const m of markup.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=["'](https?:[^"']+)["']/gi)) remote.push(m[1]!);
  for (const m of html.matchAll(/<script type="module">\s*import\s*\{[^}]*\}\s*from\s*["'](https?:[^"']+)["']/g)) remote.push(m[1]!);
  if (!html.includes(CONTENT_SECURITY_POLICY)) remote.push('(the page lacks the offline Content-Security-Policy)');
  if (remote.length) throw new DocsNotOfflineError([...new Set(remote)]);
}

function redoclyCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
}

function runRedocly(args: string[], cwd: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [redoclyCli(), ...args],
      { cwd, env: { ...process.env, ...OFFLINE_ENV }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolvePromise();
        // Redocly prints a boxed Node-version banner on every run; keep only the lines that matter.
        const detail = String(stderr)
          .split('\n')
          .filter((l) => l.trim() && !/[║╔╚═]/.test(l))
          .join('\n');
        reject(new ToolFailedError('redocly build-docs', detail || error.message));
      },
    );
  });
}
