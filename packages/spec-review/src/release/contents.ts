/**
 * Checks what is inside a packed tarball: the manifest has no workspace-only dependency
 * specifiers left and names files that exist; the spec package ships the bundled single-file
 * `openapi.json` and `openapi.yaml` (no external `$ref`, same document, `info.version` equal to the
 * package version) and exports them for other teams' tools.
 * @see https://pnpm.io/cli/pack
 */
import { HTTP_METHODS } from '@identitycall/openapi';
import { parse } from 'yaml';
import { sameJson } from '../diff/types.js';
import { fail, pass, type CheckResult } from './check-result.js';

/** The files of a tarball, keyed `package/<path>`. */
export type TarballFiles = Map<string, Buffer>;

const METHODS: readonly string[] = HTTP_METHODS;
const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/** Reads `package/package.json` from the tarball. */
export function packedManifest(files: TarballFiles): Record<string, unknown> | undefined {
  const raw = files.get('package/package.json');
  return raw ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : undefined;
}

/** Checks the packed manifest against the source package's name and version. */
export function checkManifest(files: TarballFiles, expected: { name: string; version: string }): CheckResult {
  const manifest = packedManifest(files);
  if (!manifest) return fail('no package.json', ['the tarball has no package/package.json']);
  const problems: string[] = [];
  if (manifest.name !== expected.name || manifest.version !== expected.version) {
    problems.push(`packed as ${String(manifest.name)}@${String(manifest.version)}, expected ${expected.name}@${expected.version}`);
  }
  for (const field of DEP_FIELDS) {
    for (const [dep, spec] of Object.entries((manifest[field] as Record<string, string> | undefined) ?? {})) {
      if (field !== 'devDependencies' && /^(workspace|catalog|link|file):/.test(spec)) {
        problems.push(`${field}.${dep} is still "${spec}" in the tarball; publish with pnpm so it is replaced by a version`);
      }
    }
  }
  const bin = manifest.bin;
  const bins = typeof bin === 'string' ? [bin] : Object.values((bin as Record<string, string> | undefined) ?? {});
  for (const target of bins) {
    if (!files.has(`package/${target.replace(/^\.\//, '')}`)) problems.push(`bin ${target} is not in the tarball`);
  }
  return problems.length ? fail(`${problems.length} problem(s)`, problems) : pass(`ok (${files.size} files)`);
}

/** Checks that the spec package ships and exports the bundled single-file documents. */
export function checkSpecArtifacts(files: TarballFiles): CheckResult {
  const manifest = packedManifest(files) ?? {};
  const problems: string[] = [];
  const exportsField = (manifest.exports ?? {}) as Record<string, unknown>;
  const docs: Record<string, unknown> = {};
  for (const [subpath, file, parseText] of [
    ['./openapi.json', 'dist/openapi.json', (t: string) => JSON.parse(t) as unknown],
    ['./openapi.yaml', 'dist/openapi.yaml', (t: string) => parse(t) as unknown],
  ] as const) {
    const target = exportsField[subpath];
    if (target !== `./${file}`) problems.push(`exports["${subpath}"] is ${JSON.stringify(target)}, expected "./${file}"`);
    const raw = files.get(`package/${file}`);
    if (!raw) {
      problems.push(`${file} is not in the tarball (build the spec package before packing)`);
      continue;
    }
    try {
      docs[file] = parseText(raw.toString('utf8'));
    } catch (error) {
      problems.push(`${file} does not parse: ${(error as Error).message}`);
      continue;
    }
    const external = externalRefs(docs[file]);
    if (external.length) problems.push(`${file} is not self-contained: ${external.slice(0, 3).join(', ')}`);
    const info = (docs[file] as { info?: { version?: unknown } }).info;
    if (info?.version !== manifest.version) {
      problems.push(`${file} has info.version ${JSON.stringify(info?.version)} but the package is ${String(manifest.version)}`);
    }
  }
  const json = docs['dist/openapi.json'];
  const yaml = docs['dist/openapi.yaml'];
  if (json && yaml && !sameJson(json, yaml)) {
    problems.push('dist/openapi.json and dist/openapi.yaml are not the same document');
  }
  const paths = Object.values(((json ?? yaml) as { paths?: Record<string, object> } | undefined)?.paths ?? {});
  const operations = paths.reduce((n, item) => n + Object.keys(item).filter((k) => METHODS.includes(k)).length, 0);
  return problems.length ? fail(`${problems.length} problem(s)`, problems) : pass(`openapi.json + openapi.yaml (${operations} operations)`);
}

/** The `$ref`s of a document that point outside it. */
export function externalRefs(doc: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) out.push(v);
        else visit(v);
      }
    }
  };
  visit(doc);
  return out;
}
