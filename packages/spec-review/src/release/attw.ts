/**
 * Runs "Are the Types Wrong?" on a packed tarball: whether TypeScript resolves each entry point's
 * types under node16 (ESM and CJS) and bundler resolution.
 *
 * The profile follows what the package offers: a package with a `require` condition (dual ESM and
 * CJS) is held to `strict`; an ESM-only package (`import` conditions only) to `esm-only`, which
 * skips the CommonJS and node10 resolutions it does not offer by design. Entry points whose target
 * is a data file other than JSON (`./openapi.yaml`) are excluded: they are read with
 * `import.meta.resolve`, not imported, and TypeScript cannot resolve them as modules.
 * `--no-definitely-typed` keeps attw off the network (our packages ship their own types).
 * @see https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/packages/cli/README.md
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ToolFailedError } from '../errors.js';
import { fail, pass, type CheckResult } from './check-result.js';

/** How attw is run on one package, and why. */
export interface AttwPlan {
  profile: 'strict' | 'esm-only';
  excludeEntrypoints: string[];
  reasons: string[];
}

const IGNORED_BY_PROFILE: Record<AttwPlan['profile'], string[]> = {
  strict: [],
  'esm-only': ['node10', 'node16-cjs'],
};

/** Chooses the profile and exclusions for a package manifest. */
export function planAttw(manifest: Record<string, unknown>): AttwPlan {
  const exportsField = manifest.exports;
  const conditions = new Set<string>();
  const targets: Array<[string, string]> = [];
  const walk = (node: unknown, subpath: string) => {
    if (typeof node === 'string') targets.push([subpath, node]);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k.startsWith('.')) walk(v, k);
        else {
          conditions.add(k);
          walk(v, subpath);
        }
      }
    }
  };
  if (typeof exportsField === 'string') targets.push(['.', exportsField]);
  else walk(exportsField, '.');
  const dual = conditions.has('require') || String(manifest.main ?? '').endsWith('.cjs');
  const reasons = [
    dual ? 'strict: the package offers both import and require' : 'esm-only: the package offers only `import` (ESM by design)',
  ];
  const excludeEntrypoints = [
    ...new Set(targets.filter(([sub, t]) => sub !== './package.json' && /\.(ya?ml|txt|md)$/.test(t)).map(([sub]) => sub)),
  ];
  if (excludeEntrypoints.length) reasons.push(`excluded ${excludeEntrypoints.join(', ')}: data files, not modules`);
  return { profile: dual ? 'strict' : 'esm-only', excludeEntrypoints, reasons };
}

interface AttwJson {
  problems?: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }> | Record<string, unknown>;
}

/** Runs attw on the tarball at `file` with `plan`. */
export function runAttw(file: string, plan: AttwPlan): Promise<CheckResult> {
  const args = [attwCli(), file, '--format', 'json', '--profile', plan.profile, '--no-definitely-typed', '--no-color'];
  if (plan.excludeEntrypoints.length) args.push('--exclude-entrypoints', ...plan.excludeEntrypoints);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      let json: AttwJson;
      try {
        json = JSON.parse(String(stdout)) as AttwJson;
      } catch {
        reject(new ToolFailedError('attw', String(stderr).trim() || error?.message || 'no JSON output'));
        return;
      }
      const ignored = IGNORED_BY_PROFILE[plan.profile];
      const list = Array.isArray(json.problems) ? json.problems : [];
      const problems = list.filter((p) => !p.resolutionKind || !ignored.includes(p.resolutionKind));
      const details = [
        ...plan.reasons.map((r) => `attw profile ${r}`),
        ...problems.map((p) => `attw ${p.kind} at ${p.entrypoint ?? '(package)'} (${p.resolutionKind ?? 'all resolutions'})`),
      ];
      const code = (error as { code?: number } | null)?.code ?? 0;
      if (code !== 0 || problems.length) return resolve(fail(`${problems.length || 'some'} problem(s) (${plan.profile})`, details));
      resolve(pass(`ok (${plan.profile})`, details));
    });
  });
}

function attwCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
}
