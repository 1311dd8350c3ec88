/**
 * The import guard on small fixtures (what it reads, what it reports) and then on every package
 * of the workspace: no cycle between files, and nothing imported that a registry install of the
 * package would not bring.
 */
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../git/git.js';
import { listWorkspacePackages } from '../release/workspace.js';
import { checkImports, cycles, importsOf, packageOf, type PackageSources } from './imports.js';
import { sourceFilesIn } from './restated-facts.js';

/** A package of in-memory files under /pkg/src. */
function fixture(
  files: Record<string, string>,
  manifest: Partial<PackageSources['manifest']> = {},
): [PackageSources, (file: string) => string] {
  const pkg: PackageSources = {
    dir: '/pkg',
    manifest: { name: '@x/pkg', dependencies: { dep: '1' }, devDependencies: { devdep: '1' }, ...manifest },
    files: Object.keys(files).map((f) => `/pkg/src/${f}`),
  };
  return [pkg, (file) => files[file.slice('/pkg/src/'.length)]!];
}

describe('what the import guard reads', () => {
  it('finds imports, re-exports, dynamic imports and import types, and which carry only types', () => {
    const text = `
      import a from './a.js';
      import type { B } from './b.js';
      import { type C, type D } from './c.js';
      import { E, type F } from './e.js';
      export { G } from './g.js';
      export type { H } from './h.js';
      const i = await import('./i.js');
      type J = import('./j.js').J;
      // import { K } from './k.js';
    `;
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a.js', typeOnly: false },
      { specifier: './b.js', typeOnly: true },
      { specifier: './c.js', typeOnly: true },
      { specifier: './e.js', typeOnly: false },
      { specifier: './g.js', typeOnly: false },
      { specifier: './h.js', typeOnly: true },
      { specifier: './i.js', typeOnly: false },
      { specifier: './j.js', typeOnly: true },
    ]);
  });

  it.each([
    ['ajv/dist/2020.js', 'ajv'],
    ['@identitycall/openapi', '@identitycall/openapi'],
    ['@scope/pkg/sub/path.js', '@scope/pkg'],
    ['node:fs/promises', 'fs'],
  ])('reads the package of %s as %s', (specifier, name) => {
    expect(packageOf(specifier)).toBe(name);
  });

  it('finds a cycle, and none in a graph without one', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('what the import guard reports', () => {
  it('a cycle between files, type-only imports included', () => {
    const problems = checkImports(
      ...fixture({
        'a.ts': "import { b } from './b.js';",
        'b.ts': "import type { A } from './a.js';",
        'x/one.ts': "import { two } from '../y/two.js';",
        'y/two.ts': 'export const two = 2;',
      }),
    );
    expect(problems.cycles).toEqual(['@x/pkg: src/a.ts → src/b.ts → src/a.ts']);
  });

  it("a published package's runtime import of a devDependency, but not a type-only one or a built-in", () => {
    const files = {
      'a.ts':
        "import { x } from 'devdep';\nimport type { Y } from 'devdep/types';\nimport { z } from 'dep/sub';\nimport { readFileSync } from 'node:fs';",
    };
    expect(checkImports(...fixture(files)).undeclared).toEqual([
      '@x/pkg: src/a.ts imports devdep, which is not in its dependencies (a registry install brings nothing else)',
    ]);
    expect(checkImports(...fixture(files, { private: true })).undeclared).toEqual([]);
  });

  it('an import of a package the manifest does not name at all', () => {
    expect(checkImports(...fixture({ 'a.ts': "import type { Q } from 'nowhere';" }, { private: true })).undeclared).toEqual([
      '@x/pkg: src/a.ts imports nowhere, which is not in its package.json',
    ]);
  });
});

describe('the workspace', () => {
  const root = findRepoRoot(process.cwd());
  const packages = listWorkspacePackages(root).map(
    (p): PackageSources => ({ dir: p.dir, manifest: p.manifest as PackageSources['manifest'], files: sourceFilesIn(`${p.dir}/src`) }),
  );
  const results = packages.map((p) => checkImports(p));

  it('reads every package', () => {
    expect(packages.length).toBeGreaterThan(5);
    for (const p of packages) if (p.manifest.name !== '@identitycall/types') expect(p.files.length, p.manifest.name).toBeGreaterThan(0);
  });

  it('has no import cycle between the files of a package', () => {
    expect(results.flatMap((r) => r.cycles)).toEqual([]);
  });

  it('imports nothing a registry install would not bring', () => {
    expect(results.flatMap((r) => r.undeclared)).toEqual([]);
  });
});
