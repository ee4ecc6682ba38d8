/**
 * `pnpm --filter @runware/install-check size`: packs core + transport-rest, installs the tarballs
 * into a fresh project, bundles its worker and page entries minified, and prints their sizes.
 * Exits 1 when the worker bundle is over the budget (the test holds the same line in CI).
 */
import { buildBundles } from './build-bundles';
import { restOnlyGzipBudget } from './size-budget';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const built = await buildBundles({ sdk: process.argv.includes('--sdk') });
try {
  const { restWorker, restBrowser, sdkBrowser } = built.bundles;
  const rows: [string, { bytes: number; gzipBytes: number; packages: string[] }][] = [
    ['REST-only worker (core + transport-rest)', restWorker],
    ['REST-only page (core + transport-rest)', restBrowser],
  ];
  if (sdkBrowser) rows.push(['Full SDK page (@runware/sdk)', sdkBrowser]);
  for (const [label, report] of rows) {
    console.log(
      `${label.padEnd(42)} ${kb(report.bytes).padStart(9)} minified ${kb(report.gzipBytes).padStart(8)} gzipped`,
    );
  }
  const over = restWorker.gzipBytes > restOnlyGzipBudget;
  console.log(
    `budget ${kb(restOnlyGzipBudget)} gzipped for the REST-only worker: ${over ? 'OVER' : 'within'} (${restWorker.gzipBytes} / ${restOnlyGzipBudget} bytes)`,
  );
  if (over) process.exitCode = 1;
} finally {
  await built.cleanup();
}
