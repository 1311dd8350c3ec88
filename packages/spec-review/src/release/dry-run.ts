/**
 * The release dry run: packs every public workspace package with `pnpm pack` into a temporary
 * directory (so `workspace:` and `catalog:` specifiers are replaced as on publish), then checks each
 * tarball with publint, attw and a look inside, and prints one table row per package. Building is
 * the caller's job (`pnpm release:dry` runs `turbo run build` first).
 * @see https://pnpm.io/cli/pack
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SPEC_PACKAGE } from '../changesets.js';
import { ToolFailedError } from '../errors.js';
import { planAttw, runAttw } from './attw.js';
import { fail, pass, type CheckResult } from './check-result.js';
import { checkManifest, checkSpecArtifacts } from './contents.js';
import { runPublint } from './publint.js';
import { readTarball } from './tarball.js';
import { listWorkspacePackages, type WorkspacePackage } from './workspace.js';

/** The outcome for one package. */
export interface PackageReport {
  name: string;
  version: string;
  relDir: string;
  tarball: string | undefined;
  bytes: number;
  checks: { pack: CheckResult; publint: CheckResult; attw: CheckResult; contents: CheckResult };
  ok: boolean;
}

/** Options of {@link releaseDryRun}. */
export interface ReleaseDryRunOptions {
  /** Workspace root (has `pnpm-workspace.yaml`). */
  root: string;
  /** Keep the tarballs (their directory is returned) instead of deleting them. */
  keep?: boolean;
  /** The name of the package whose tarball must carry the bundled spec files. */
  specPackage?: string;
}

/** The outcome of a dry run. */
export interface ReleaseDryRunResult {
  reports: PackageReport[];
  skipped: WorkspacePackage[];
  ok: boolean;
  outDir: string;
}

const NOT_RUN = fail('not run', []);

/** Packs and checks every public package of the workspace at `options.root`. */
export async function releaseDryRun(options: ReleaseDryRunOptions): Promise<ReleaseDryRunResult> {
  const all = listWorkspacePackages(options.root);
  const publicPackages = all.filter((p) => !p.private);
  const outDir = mkdtempSync(join(tmpdir(), 'identitycall-release-'));
  const specPackage = options.specPackage ?? SPEC_PACKAGE;
  const reports: PackageReport[] = [];
  try {
    for (const pkg of publicPackages) reports.push(await checkPackage(pkg, outDir, specPackage));
  } finally {
    if (!options.keep) rmSync(outDir, { recursive: true, force: true });
  }
  return { reports, skipped: all.filter((p) => p.private), ok: reports.every((r) => r.ok), outDir };
}

async function checkPackage(pkg: WorkspacePackage, outDir: string, specPackage: string): Promise<PackageReport> {
  const report: PackageReport = {
    name: pkg.name,
    version: pkg.version,
    relDir: pkg.relDir,
    tarball: undefined,
    bytes: 0,
    checks: { pack: NOT_RUN, publint: NOT_RUN, attw: NOT_RUN, contents: NOT_RUN },
    ok: false,
  };
  let file: string;
  try {
    file = await pnpmPack(pkg.dir, outDir);
  } catch (error) {
    report.checks.pack = fail('pack failed', [(error as Error).message]);
    return report;
  }
  const data = readFileSync(file);
  report.tarball = basename(file);
  report.bytes = data.byteLength;
  report.checks.pack = pass(`${(data.byteLength / 1024).toFixed(1)} kB`);
  const files = readTarball(data);
  const manifest = checkManifest(files, pkg);
  const spec = pkg.name === specPackage ? checkSpecArtifacts(files) : undefined;
  report.checks.contents = spec
    ? manifest.ok && spec.ok
      ? pass(`${manifest.summary}; ${spec.summary}`)
      : fail('problems', [...manifest.details, ...spec.details])
    : manifest;
  report.checks.publint = await guard('publint', () => runPublint(data));
  report.checks.attw = await guard('attw', () => runAttw(file, planAttw(pkg.manifest)));
  report.ok = Object.values(report.checks).every((c) => c.ok);
  return report;
}

async function guard(tool: string, run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    return fail(`${tool} crashed`, [(error as Error).message]);
  }
}

/** The command that runs pnpm: the one running this script if known, else `pnpm` on the PATH. */
export function pnpmCommand(): [string, string[]] {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(basename(exec))) return /\.[cm]?js$/.test(exec) ? [process.execPath, [exec]] : [exec, []];
  return ['pnpm', []];
}

function pnpmPack(dir: string, outDir: string): Promise<string> {
  const [cmd, pre] = pnpmCommand();
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      [...pre, 'pack', '--pack-destination', outDir, '--json'],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new ToolFailedError('pnpm pack', String(stderr).trim() || error.message));
        try {
          const out = String(stdout);
          const json = JSON.parse(out.slice(out.indexOf('{'))) as { filename?: string };
          if (!json.filename) throw new Error('no filename in its output');
          resolve(json.filename);
        } catch (cause) {
          reject(new ToolFailedError('pnpm pack', `unexpected output: ${(cause as Error).message}`));
        }
      },
    );
  });
}

/** Renders the results as a Markdown table followed by the details of every failed check. */
export function renderReleaseTable(result: ReleaseDryRunResult): string {
  const mark = (c: CheckResult) => `${c.ok ? '✅' : '❌'} ${c.summary}`;
  const lines = [
    '| Package | Version | Tarball | publint | attw | Contents | Result |',
    '|---|---|---|---|---|---|---|',
    ...result.reports.map(
      (r) =>
        `| ${r.name} | ${r.version} | ${mark(r.checks.pack)} | ${mark(r.checks.publint)} | ${mark(r.checks.attw)} | ${mark(r.checks.contents)} | ${r.ok ? 'pass' : '**FAIL**'} |`,
    ),
  ];
  if (result.skipped.length) lines.push('', `Private, not packed: ${result.skipped.map((p) => p.name).join(', ')}.`);
  for (const r of result.reports) {
    const failed = Object.entries(r.checks).filter(([, c]) => !c.ok && c.details.length);
    if (!failed.length) continue;
    lines.push('', `${r.name}:`);
    for (const [name, c] of failed) for (const d of c.details) lines.push(`  - ${name}: ${d}`);
  }
  const passed = result.reports.filter((r) => r.ok).length;
  lines.push('', `${passed} of ${result.reports.length} public packages pass.`);
  return lines.join('\n');
}
