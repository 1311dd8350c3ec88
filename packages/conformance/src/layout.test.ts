/**
 * Guards of the package's layout: no import circle between modules (type-only imports included);
 * the published code imports only Node built-ins and the package's own `dependencies`, so
 * `npm install @identitycall/conformance` is all a team needs (never vitest, the mock or the
 * sandbox). That no documented message or limit is typed into the source is checked for every
 * package by the source-of-truth guard (packages/spec-review/src/guard).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, '../package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Every module of `src` that is not a test, with its source. */
const modules = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: join(root, f), source: readFileSync(join(root, f), 'utf8') }));

/** The specifiers a module imports or re-exports (static, dynamic, type-only). */
const specifiers = (source: string) => [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1]!);

describe('the layout of the package', () => {
  it('has no import circle', () => {
    const graph = new Map(
      modules.map((m) => [
        m.file,
        specifiers(m.source)
          .filter((s) => s.startsWith('.'))
          .map((s) => resolve(dirname(m.file), s.replace(/\.js$/, '.ts'))),
      ]),
    );
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)).join(' → '));
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const m of modules) if (!state.has(m.file)) visit(m.file);
    expect(modules.length).toBeGreaterThan(0);
    expect(circles).toEqual([]);
  });

  it('imports only Node built-ins and its own dependencies (what a registry install brings)', () => {
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    const foreign = modules.flatMap((m) =>
      specifiers(m.source)
        .filter((s) => !s.startsWith('.'))
        .map((s) =>
          s
            .replace(/^node:/, '')
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        )
        .filter((pkg) => !allowed.has(pkg))
        .map((pkg) => `${relative(root, m.file)} imports ${pkg}`),
    );
    expect(foreign).toEqual([]);
    expect(Object.keys(manifest.dependencies).filter((d) => /vitest|sandbox|mock|prism/.test(d))).toEqual([]);
  });
});
