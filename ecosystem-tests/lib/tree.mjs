/**
 * What an install put on disk: the packages under node_modules (nested ones included), the
 * number of files and their size on disk (allocated blocks, as `du` counts them).
 */
import { lstatSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @returns {{ packages: { name: string, version: string, dir: string, manifest: any }[], files: number, diskBytes: number, apparentBytes: number }}
 */
export function inspectTree(projectDir) {
  const packages = [];
  const totals = { files: 0, diskBytes: 0, apparentBytes: 0 };
  const root = join(projectDir, 'node_modules');
  if (existsSync(root)) {
    collectPackages(root, packages);
    measure(root, totals);
  }
  return { packages, ...totals };
}

function collectPackages(nodeModules, out) {
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .bin, .package-lock.json, .cache
    const path = join(nodeModules, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      for (const scoped of readdirSync(path, { withFileTypes: true })) visitPackage(join(path, scoped.name), out);
    } else {
      visitPackage(path, out);
    }
  }
}

function visitPackage(dir, out) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  out.push({ name: manifest.name, version: manifest.version, dir, manifest });
  if (existsSync(join(dir, 'node_modules'))) collectPackages(join(dir, 'node_modules'), out);
}

function measure(dir, totals) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      measure(path, totals);
    } else if (entry.isFile()) {
      const stat = lstatSync(path);
      totals.files += 1;
      totals.diskBytes += stat.blocks * 512;
      totals.apparentBytes += stat.size;
    }
  }
}

const SOURCE_FILE = /\.(c|m)?js$|\.d\.(c|m)?ts$/;

/**
 * The `@identitycall/*` dependencies a package declares but never imports: no `import`,
 * `export … from`, `require()` or `import()` of it in any of its published JS or declaration
 * files. Such a dependency only adds weight (and a second copy of what it holds) to every install.
 */
export function unusedInternalDependencies(pkg) {
  const declared = Object.keys(pkg.manifest.dependencies ?? {}).filter((d) => d.startsWith('@identitycall/'));
  if (declared.length === 0) return [];
  const used = new Set();
  const scan = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) scan(path);
      else if (SOURCE_FILE.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const dep of declared) {
          const escaped = dep.replace(/[/]/g, '\\/');
          const specifier = `['"]${escaped}(?:\\/[^'"]*)?['"]`;
          if (new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)${specifier}`).test(text)) used.add(dep);
        }
      }
    }
  };
  scan(pkg.dir);
  return declared.filter((d) => !used.has(d));
}

/** "243 packages, 5,021 files, 151.2 MB on disk". */
export function describeSize(tree) {
  const n = tree.packages.length;
  return `${n} package${n === 1 ? '' : 's'}, ${tree.files.toLocaleString('en')} files, ${mb(tree.diskBytes)} MB on disk (${mb(tree.apparentBytes)} MB of file contents)`;
}

/** Megabytes (10^6 bytes), one decimal. */
export const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** `dir` relative to `base`, for messages. */
export const rel = (base, dir) => relative(base, dir) || '.';
