#!/usr/bin/env node
/**
 * Adds up the vitest JSON reports (`<package>/test-results/vitest.json`) of every workspace
 * package that has a `test` script and prints the plain line CI reads: `N passed, N failed, N skipped`.
 * A package whose report is missing counts as one failure, so a suite that never ran cannot pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dirs = ['spec', ...readdirSync(join(root, 'packages')).map((d) => join('packages', d))];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of dirs) {
  const pkgPath = join(root, dir, 'package.json');
  if (!existsSync(pkgPath)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  if (!pkg.scripts?.test) continue;
  const reportPath = join(root, dir, 'test-results', 'vitest.json');
  if (!existsSync(reportPath)) {
    console.log(`${pkg.name}: no test report at ${reportPath} (the suite did not run or crashed)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${pkg.name}: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
