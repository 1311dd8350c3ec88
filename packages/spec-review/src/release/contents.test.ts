/**
 * What must be inside the tarballs: a publishable manifest, and for the spec package the bundled
 * single-file documents, exported.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkManifest, checkSpecArtifacts } from './contents.js';

const files = (entries: Record<string, unknown>) =>
  new Map(
    Object.entries(entries)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`package/${k}`, Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))]),
  );

const doc = { openapi: '3.1.0', info: { title: 'T', version: '1.0.0' }, paths: { '/a': { get: {}, post: {}, parameters: [] } } };
const manifest = {
  name: '@identitycall/openapi',
  version: '1.0.0',
  exports: { '.': './dist/index.js', './openapi.json': './dist/openapi.json', './openapi.yaml': './dist/openapi.yaml' },
};
const spec = (overrides: Record<string, unknown> = {}) =>
  files({ 'package.json': manifest, 'dist/openapi.json': doc, 'dist/openapi.yaml': stringify(doc), ...overrides });

describe('checkManifest', () => {
  it('passes a manifest with real version ranges and its bin in the tarball', () => {
    const result = checkManifest(
      files({
        'package.json': { name: 'a', version: '1.0.0', bin: { a: './dist/cli.js' }, dependencies: { b: '^1.0.0' } },
        'dist/cli.js': '',
      }),
      { name: 'a', version: '1.0.0' },
    );
    expect(result).toEqual({ ok: true, summary: 'ok (2 files)', details: [] });
  });

  it.each([
    {
      name: 'a workspace: specifier left',
      pkg: { name: 'a', version: '1.0.0', dependencies: { b: 'workspace:^' } },
      detail: 'dependencies.b is still "workspace:^"',
    },
    {
      name: 'a catalog: specifier left',
      pkg: { name: 'a', version: '1.0.0', peerDependencies: { b: 'catalog:' } },
      detail: 'peerDependencies.b is still "catalog:"',
    },
    {
      name: 'a missing bin',
      pkg: { name: 'a', version: '1.0.0', bin: './dist/cli.js' },
      detail: 'bin ./dist/cli.js is not in the tarball',
    },
    { name: 'another version', pkg: { name: 'a', version: '2.0.0' }, detail: 'packed as a@2.0.0, expected a@1.0.0' },
  ])('fails $name', ({ pkg, detail }) => {
    const result = checkManifest(files({ 'package.json': pkg }), { name: 'a', version: '1.0.0' });
    expect(result.ok).toBe(false);
    expect(result.details.join('\n')).toContain(detail);
  });
});

describe('checkSpecArtifacts', () => {
  it('passes when both bundled documents are shipped, exported and agree', () => {
    expect(checkSpecArtifacts(spec())).toEqual({ ok: true, summary: 'openapi.json + openapi.yaml (2 operations)', details: [] });
  });

  it.each([
    { name: 'the YAML is missing', files: spec({ 'dist/openapi.yaml': undefined }), detail: 'dist/openapi.yaml is not in the tarball' },
    {
      name: 'an external $ref remains',
      files: spec({ 'dist/openapi.json': { ...doc, paths: { '/a': { $ref: './paths/a.yaml' } } } }),
      detail: 'dist/openapi.json is not self-contained: ./paths/a.yaml',
    },
    {
      name: 'info.version lags behind',
      files: spec({ 'dist/openapi.json': { ...doc, info: { title: 'T', version: '0.9.0' } } }),
      detail: 'info.version "0.9.0" but the package is 1.0.0',
    },
    {
      name: 'the two documents differ',
      files: spec({ 'dist/openapi.yaml': stringify({ ...doc, paths: {} }) }),
      detail: 'are not the same document',
    },
    {
      name: 'the export is missing',
      files: spec({ 'package.json': { ...manifest, exports: { '.': './dist/index.js' } } }),
      detail: 'exports["./openapi.json"] is undefined',
    },
  ])('fails when $name', ({ files: f, detail }) => {
    const result = checkSpecArtifacts(f);
    expect(result.ok).toBe(false);
    expect(result.details.join('\n')).toContain(detail);
  });
});
