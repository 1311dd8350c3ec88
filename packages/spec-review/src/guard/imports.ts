/**
 * The import guard, for every package at once: no import cycle between a package's files
 * (type-only imports included: they still tie the modules' meaning together), and no import of a
 * package the manifest does not declare — for a published package, no runtime import outside its
 * `dependencies`, which is all a registry install brings. Imports are read with the TypeScript
 * parser; tests and generated files are not scanned. (A package laid out by stages may add its own
 * rule that its folders import one way, as the sandbox does.)
 * @see ../../README.md
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of a module: what it names and whether only types cross it. */
export interface ImportRef {
  specifier: string;
  typeOnly: boolean;
}

/** Every import, re-export and dynamic `import()` of a module's source. */
export function importsOf(file: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
      out.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      out.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.isTypeOnly || (named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)),
      });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The package a bare specifier names (`ajv/dist/2020.js` → `ajv`, `node:fs` → `fs`). */
export function packageOf(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  return bare
    .split('/')
    .slice(0, bare.startsWith('@') ? 2 : 1)
    .join('/');
}

/** The source file a relative specifier names: `./x.js` is `./x.ts` (and `.mjs` is `.mts`, …). */
export function resolveRelative(from: string, specifier: string): string {
  return resolve(
    dirname(from),
    specifier.replace(/\.(m|c)?js$/, (_, k: string | undefined) => `.${k ?? ''}ts`),
  );
}

/** The cycles of a directed graph, each as the path that closes it. */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

/** What the guard needs of one package: where it is, its manifest, and its source files. */
export interface PackageSources {
  /** The package folder, absolute. */
  dir: string;
  manifest: {
    name: string;
    private?: boolean;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  /** Absolute paths of its non-test source files under `src/`. */
  files: string[];
}

/** What the guard found, in words, each naming the package and the files. */
export interface ImportProblems {
  cycles: string[];
  undeclared: string[];
}

/** Checks one package's imports (see the module comment for the rules). */
export function checkImports(pkg: PackageSources, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): ImportProblems {
  const src = join(pkg.dir, 'src');
  const show = (file: string) => `src/${relative(src, file).split(sep).join('/')}`;
  const graph = new Map<string, string[]>();
  const undeclared: string[] = [];
  const { name, dependencies = {}, devDependencies = {}, peerDependencies = {} } = pkg.manifest;
  const runtime = new Set([name, ...Object.keys(dependencies), ...Object.keys(peerDependencies)]);
  const declared = new Set([...runtime, ...Object.keys(devDependencies)]);
  const builtins = new Set(builtinModules);
  for (const file of pkg.files) {
    const refs = importsOf(file, read(file));
    graph.set(
      file,
      refs.filter((r) => r.specifier.startsWith('.')).map((r) => resolveRelative(file, r.specifier)),
    );
    for (const ref of refs) {
      if (ref.specifier.startsWith('.')) continue;
      const dep = packageOf(ref.specifier);
      if (builtins.has(dep)) continue;
      // A published package's runtime imports must come with it from a registry; type-only imports
      // are erased from its JavaScript (its declarations are checked by attw and the consumer matrix).
      const loose = pkg.manifest.private === true || ref.typeOnly;
      if (!(loose ? declared : runtime).has(dep)) {
        const where = loose ? 'its package.json' : 'its dependencies (a registry install brings nothing else)';
        undeclared.push(`${name}: ${show(file)} imports ${ref.specifier}, which is not in ${where}`);
      }
    }
  }
  return { cycles: cycles(graph).map((c) => `${name}: ${c.map(show).join(' → ')}`), undeclared };
}
