#!/usr/bin/env node
/**
 * Adds up the vitest JSON reports (`<package>/test-results/vitest.json`) of every workspace
 * package that has a `test` script and prints the plain line CI reads: `N passed, N failed, N skipped`.
 * A package whose report is missing counts as one failure, so a suite that never ran cannot pass.
 * `.ci/run` adds its gates through CI_GATES_PASSED / CI_GATES_FAILED (one count per gate).
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
// CI's gates (lint, typecheck, drift, release checks, consumers, …) count once each, so the line
// cannot say "0 failed" while a gate is red.
const gatesPassed = Number(process.env.CI_GATES_PASSED ?? 0);
const gatesFailed = Number(process.env.CI_GATES_FAILED ?? 0);
if (gatesPassed + gatesFailed > 0) {
  console.log(`CI gates: ${gatesPassed} passed, ${gatesFailed} failed`);
  if (process.env.CI_GATES_FAILED_NAMES) process.stdout.write(process.env.CI_GATES_FAILED_NAMES);
  passed += gatesPassed;
  failed += gatesFailed;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
