/**
 * The guard itself, on small fixture sources (what it finds and what it must not), and then on
 * the repository: no package's source restates a documented message, limit or permission list.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, PERMISSIONS, responseMessage, jsonBodyLimit, largestUpload, formatBytes } from '@identitycall/openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../git/git.js';
import { ALLOWED_FACTS } from './allow-list.js';
import { applyAllowList, findInSource, findRestatedFacts, formatFindings, sourceFiles, specFacts, specNames } from './restated-facts.js';

const doc = loadSpec();
const facts = specFacts(doc);
const notFound = responseMessage(doc, 'NotFound');
const limit = jsonBodyLimit(doc);
const basePath = new URL(doc.servers![0]!.url).pathname;
const names = specNames(doc);
const found = (text: string, file = 'packages/x/src/a.ts') => findInSource(file, text, facts, names).map((f) => `${f.kind}:${f.fact}`);

describe('what the guard finds', () => {
  it('reads its facts from the spec: every documented message, each limit, each permission', () => {
    expect(facts.filter((f) => f.kind === 'permission').map((f) => f.value)).toEqual([...PERMISSIONS]);
    expect(facts.filter((f) => f.kind === 'limit').map((f) => Number(f.value))).toEqual(
      expect.arrayContaining([limit, largestUpload(doc)]),
    );
    expect(facts.some((f) => f.kind === 'message' && f.value === notFound)).toBe(true);
    expect(facts.filter((f) => f.kind === 'server').map((f) => f.value)).toEqual([doc.servers![0]!.url, basePath]);
  });

  it.each([
    { name: 'a message in a string', text: `const m = ${JSON.stringify(notFound)};`, want: [`message:${notFound}`] },
    { name: 'a message inside a longer template', text: `const m = \`404: ${notFound} (\${id})\`;`, want: [`message:${notFound}`] },
    { name: 'the limit as a number', text: `const LIMIT = ${limit};`, want: [`limit:${limit}`] },
    { name: 'the limit as a product', text: 'const LIMIT = 1024 * 1024;', want: [`limit:${limit}`] },
    {
      name: 'the limit with separators',
      text: `const LIMIT = ${limit.toLocaleString('en').replace(/,/g, '_')};`,
      want: [`limit:${limit}`],
    },
    { name: 'the limit in words', text: `const m = 'body over ${formatBytes(limit)}';`, want: [`limit:${limit}`] },
    { name: 'a permission union', text: "type P = 'read' | 'write' | 'delete';", want: ['permission:read | write | delete'] },
    { name: 'a permission array', text: "const all = ['read', 'write'];", want: ['permission:read | write'] },
    { name: 'a permission record', text: 'const m = { read: 1, delete: 2 };', want: ['permission:read | delete'] },
    { name: 'the base path', text: `const base = '${basePath}/operators';`, want: [`server:${basePath}`] },
  ])('finds $name', ({ text, want }) => {
    expect(found(text)).toEqual(want);
  });

  it.each([
    { name: 'a message in a comment', text: `// answers ${notFound}\n/** ${notFound} */ const x = 1;` },
    { name: 'one permission name alone (an HTTP method, say)', text: "const method = 'delete';" },
    { name: 'another number', text: 'const n = 1024 * 1023; const m = 1000;' },
    { name: 'a factor of a product', text: 'const LIMIT = 2 * 1024 * 1024;' },
    { name: 'a bigger number that contains the digits', text: `const n = '${limit}0';` },
    {
      name: "a spec name that is also a message ('Unauthorized')",
      text: "const m = responseMessage(doc, 'Unauthorized'); const r = '#/components/responses/Unauthorized';",
    },
  ])('ignores $name', ({ text }) => {
    expect(found(text)).toEqual([]);
  });

  describe('which files it reads', () => {
    const root = mkdtempSync(join(tmpdir(), 'facts-guard-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), `export const m = ${JSON.stringify(notFound)};\n`);
    };
    for (const path of [
      'packages/a/src/server.ts',
      'packages/a/src/deep/cli.mjs',
      'packages/a/src/generated/spec.gen.ts',
      'packages/a/src/server.test.ts',
      'packages/a/src/types.test-d.ts',
      'packages/a/src/testing/helpers.ts',
      'packages/a/test/helpers.ts',
      'packages/a/dist/index.js',
      'packages/a/src/node_modules/x/index.js',
    ])
      write(path);

    it('scans package sources, not generated files, tests, builds or dependencies', () => {
      expect(sourceFiles(root).map((p) => p.slice(root.length + 1))).toEqual(['packages/a/src/deep/cli.mjs', 'packages/a/src/server.ts']);
      expect(findRestatedFacts(root, facts).map((f) => `${f.file}:${f.line}`)).toEqual([
        'packages/a/src/deep/cli.mjs:1',
        'packages/a/src/server.ts:1',
      ]);
    });
  });

  it('an allow-list entry covers its file and fact only, and a stale entry is reported', () => {
    const findings = findInSource('packages/x/src/a.ts', `const a = ${JSON.stringify(notFound)}; const b = ${limit};`, facts);
    const allowed = [
      { file: 'packages/x/src/a.ts', fact: notFound, reason: 'test' },
      { file: 'packages/x/src/gone.ts', fact: notFound, reason: 'test' },
    ];
    const { violations, stale } = applyAllowList(findings, allowed);
    expect(violations.map((f) => f.fact)).toEqual([String(limit)]);
    expect(stale).toEqual([allowed[1]]);
    expect(formatFindings(violations, facts)).toMatch(/packages\/x\/src\/a\.ts:1: limit .* jsonBodyLimit\(\)/);
  });
});

describe('the repository', () => {
  const root = findRepoRoot(process.cwd());
  const findings = findRestatedFacts(root, facts, names);
  const { violations, stale } = applyAllowList(findings, ALLOWED_FACTS);

  it('reads documented messages, limits and permission names from the spec instead of restating them', () => {
    expect(sourceFiles(root).length).toBeGreaterThan(50);
    expect(violations, `Facts of the spec written into source files:\n${formatFindings(violations, facts)}`).toEqual([]);
  });

  it('allows each remaining literal for a stated reason, and no entry is stale', () => {
    for (const entry of ALLOWED_FACTS) expect(entry.reason.length).toBeGreaterThan(20);
    expect(stale, 'allow-list entries that match nothing any more: remove them').toEqual([]);
  });
});
