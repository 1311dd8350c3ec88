/**
 * The release dry run on a small fixture workspace (not the real one, whose packages other people
 * are editing): `pnpm pack`, publint, attw and the content checks each catch what they should.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeFiles } from '../testing/helpers.js';
import { releaseDryRun, renderReleaseTable, type ReleaseDryRunResult } from './dry-run.js';

const esm = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    name,
    version: '1.0.0',
    type: 'module',
    license: 'MIT',
    files: ['dist'],
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './package.json': './package.json' },
    ...extra,
  });
const code = { 'dist/index.js': 'export const value = 1;\n', 'dist/index.d.ts': 'export declare const value = 1;\n' };
const prefix = (dir: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));
const doc = { openapi: '3.1.0', info: { title: 'Fixture', version: '1.0.0' }, paths: {} };

const ws = tempDir('spec-review-release-');
let result: ReleaseDryRunResult;

beforeAll(async () => {
  writeFiles(ws.dir, {
    'pnpm-workspace.yaml': 'packages:\n  - spec\n  - packages/*\n',
    'package.json': '{"name":"fixture-root","private":true}',
    'spec/package.json': esm('@fixture/openapi', {
      exports: {
        '.': { types: './dist/index.d.ts', import: './dist/index.js' },
        './openapi.json': './dist/openapi.json',
        './openapi.yaml': './dist/openapi.yaml',
        './package.json': './package.json',
      },
    }),
    ...prefix('spec', code),
    'spec/dist/openapi.json': JSON.stringify(doc),
    'spec/dist/openapi.yaml': 'openapi: 3.1.0\ninfo:\n  title: Fixture\n  version: 1.0.0\npaths: {}\n',
    'packages/good/package.json': esm('@fixture/good', { dependencies: { '@fixture/openapi': 'workspace:^' } }),
    ...prefix('packages/good', code),
    'packages/broken/package.json': esm('@fixture/broken', {
      exports: { '.': { types: './dist/missing.d.ts', import: './dist/missing.js' } },
    }),
    ...prefix('packages/broken', code),
    'packages/internal/package.json': esm('@fixture/internal', { private: true }),
  });
  // pnpm resolves `workspace:^` through the installed link, as `pnpm install` would have made it.
  mkdirSync(join(ws.dir, 'packages/good/node_modules/@fixture'), { recursive: true });
  symlinkSync('../../../../spec', join(ws.dir, 'packages/good/node_modules/@fixture/openapi'));
  result = await releaseDryRun({ root: ws.dir, specPackage: '@fixture/openapi' });
});
afterAll(() => ws.cleanup());

describe('releaseDryRun', () => {
  it('packs every public package and skips private ones', () => {
    expect(result.reports.map((r) => r.name)).toEqual(['@fixture/broken', '@fixture/good', '@fixture/openapi']);
    expect(result.skipped.map((p) => p.name)).toEqual(['@fixture/internal']);
    expect(result.reports.every((r) => r.checks.pack.ok && r.tarball?.endsWith('.tgz'))).toBe(true);
  });

  it('passes a correct ESM-only package under the esm-only attw profile', () => {
    const good = result.reports.find((r) => r.name === '@fixture/good')!;
    expect(good.ok).toBe(true);
    expect(good.checks.attw.summary).toBe('ok (esm-only)');
    expect(good.checks.contents.ok).toBe(true);
  });

  it('checks the spec package ships the bundled documents (the YAML entry point excluded from attw)', () => {
    const spec = result.reports.find((r) => r.name === '@fixture/openapi')!;
    expect(spec.checks.contents.summary).toContain('openapi.json + openapi.yaml');
    expect(spec.checks.attw.details).toContain('attw profile excluded ./openapi.yaml: data files, not modules');
    expect(spec.ok).toBe(true);
  });

  it('fails a package whose exports point at files it does not ship, in publint and attw', () => {
    const broken = result.reports.find((r) => r.name === '@fixture/broken')!;
    expect(broken.ok).toBe(false);
    expect(broken.checks.publint.ok).toBe(false);
    expect(broken.checks.publint.details.join('\n')).toContain('FILE_DOES_NOT_EXIST');
    expect(broken.checks.attw.ok).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('renders a table with one row per package and the failures under it', () => {
    const table = renderReleaseTable(result);
    expect(table).toContain('| Package | Version | Tarball | publint | attw | Contents | Result |');
    expect(table).toMatch(
      /\| @fixture\/good \| 1\.0\.0 \| ✅ [\d.]+ kB \| ✅ ok.* \| ✅ ok \(esm-only\) \| ✅ ok \(\d+ files\) \| pass \|/,
    );
    expect(table).toContain('| **FAIL** |');
    expect(table).toContain('@fixture/broken:\n  - publint:');
    expect(table).toContain('Private, not packed: @fixture/internal.');
    expect(table).toContain('2 of 3 public packages pass.');
  });
});
