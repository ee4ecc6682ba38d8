/**
 * `npm run size`: packs the packages, installs the tarballs into fresh consumer projects, bundles
 * each app and prints what it loads against its budget, then where the bytes go: per package, and
 * per source file (the same app built from the workspace sources, since tsup's dist no longer
 * shows them). Exits 1 when an app is over its budget (the tests hold the same lines in CI).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppBundles } from './build-bundles';
import { buildBundles, streamChunks } from './build-bundles';
import { measureLoad } from './load-size';
import { sizeBudgets } from './size-budget';
import { workspaceSources } from './workspace-sources';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const consumers = fileURLToPath(new URL('../consumers/', import.meta.url));

const apps: {
  key: keyof typeof sizeBudgets;
  label: string;
  bundles: (b: Awaited<ReturnType<typeof buildBundles>>['bundles']) => AppBundles | undefined;
  source: { dir: string; entry: string; inline: readonly RegExp[] };
}[] = [
  {
    key: 'restTask',
    label: 'REST-only app: a task and an error (core + transport-rest)',
    bundles: (b) => b.restTask,
    source: { dir: join(consumers, 'rest-only'), entry: 'task-page.ts', inline: [] },
  },
  {
    key: 'restStream',
    label: 'REST-only app + stream()',
    bundles: (b) => b.restStream,
    source: { dir: join(consumers, 'rest-only'), entry: 'browser.ts', inline: streamChunks },
  },
  {
    key: 'sdkInitial',
    label: '@runware/sdk page, initial chunk',
    bundles: (b) => b.sdk,
    source: { dir: join(consumers, 'full-sdk'), entry: 'browser.ts', inline: [] },
  },
];

const built = await buildBundles({ sdk: true });
try {
  let over = false;
  for (const app of apps) {
    const bundles = app.bundles(built.bundles);
    if (!bundles) continue;
    const { budget, target } = sizeBudgets[app.key];
    const { page, esbuildSplit, single } = bundles;
    const state = page.loadedGzipBytes > budget ? 'OVER' : 'within';
    over ||= page.loadedGzipBytes > budget;
    console.log(`\n${app.label}`);
    console.log(
      `  built as Vite builds it, loads ${kb(page.loadedBytes)} minified, ${kb(page.loadedGzipBytes)} gzipped (${page.loadedGzipBytes} B, ${page.loaded.length} chunk(s)): ${state} budget ${kb(budget)}; issue target ${kb(target)}`,
    );
    console.log(
      `  with esbuild's code splitting instead: ${kb(esbuildSplit.initialGzipBytes)} gz in ${esbuildSplit.initial.length} chunks`,
    );
    console.log(
      `  the whole app in one file (every import() inlined, as a Worker uploads it): ${kb(single.bytes)} min, ${kb(single.gzipBytes)} gz`,
    );
    const lazy = [...page.lazy].sort((a, b) => b.gzipBytes - a.gzipBytes);
    console.log(
      `  lazy chunks it does not load: ${lazy.length}, ${kb(lazy.reduce((n, c) => n + c.gzipBytes, 0))} gz in all; largest: ${lazy
        .slice(0, 6)
        .map((c) => `${c.file.replace(/-[\w-]{8}\.js$/, '')} ${kb(c.gzipBytes)}`)
        .join(', ')}`,
    );
    const fromSource = await measureLoad({
      dir: app.source.dir,
      entry: app.source.entry,
      outfile: `/tmp/runware-size-${app.key}.js`,
      target: 'browser',
      inline: app.source.inline,
      plugins: [workspaceSources],
    });
    console.log(
      `  where the bytes go (the app built from the workspace sources, import()s it does not reach left out: ${kb(fromSource.bytes)} min, ${kb(fromSource.gzipBytes)} gz):`,
    );
    for (const [name, bytes] of Object.entries(fromSource.byPackage).sort((a, b) => b[1] - a[1]))
      console.log(`    ${kb(bytes).padStart(9)}  ${name}`);
    console.log('  largest source files, minified:');
    for (const input of fromSource.inputs.slice(0, 25))
      console.log(`    ${String(input.bytes).padStart(6)} B  ${input.path}`);
  }
  if (over) process.exitCode = 1;
} finally {
  await built.cleanup();
}
