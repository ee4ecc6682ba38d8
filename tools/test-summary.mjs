#!/usr/bin/env node
// Adds up the vitest JSON reports of every workspace package that has a `test` script and prints
// one plain closing line. A package whose report is missing fails the run: its tests did not run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const totals = { passed: 0, failed: 0, skipped: 0 };
const missing = [];
const perPackage = [];

// Workspace packages: every folder of these groups, and the benchmark package at the root.
const packageDirs = ['packages', 'tools', 'examples'].flatMap((group) => {
  const groupDir = join(root, group);
  return existsSync(groupDir)
    ? readdirSync(groupDir)
        .sort()
        .map((name) => join(groupDir, name))
    : [];
});
packageDirs.push(join(root, 'bench'));

for (const packageDir of packageDirs) {
  const manifestPath = join(packageDir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.scripts?.test) continue;
  const reportPath = join(packageDir, 'test-results.json');
  if (!existsSync(reportPath)) {
    missing.push(manifest.name);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += skipped;
  perPackage.push(`${manifest.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

for (const line of perPackage) console.log(`  ${line}`);
if (missing.length > 0) console.error(`test-summary: no test report from ${missing.join(', ')}`);
const skippedPart = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed${skippedPart}`);
process.exit(missing.length > 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
