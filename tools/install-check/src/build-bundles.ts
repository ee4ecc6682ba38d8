import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consumer } from '@runware/pack-check';
import { type BundleReport, bundle, bundleSplit } from './bundle';
import { createFullSdkConsumer, createRestOnlyConsumer } from './consumer-projects';
import { type InitialBytes, initialBytes } from './initial-bytes';
import { buildRollupPage, type RollupPage } from './rollup-load';

/** One consumer app, bundled the ways the tests and the size report need. */
export interface AppBundles {
  /** One self-contained module (every `import()` inlined): what a Worker uploads; run in workerd. */
  single: BundleReport;
  /**
   * The page built as Vite builds for production (Rollup, esbuild's minifier), served to Chromium:
   * `loaded` is what it loads to run its scenario, the figure its size budget holds.
   */
  page: RollupPage;
  /** The same page with esbuild's code splitting instead: what it loads (reported, not budgeted). */
  esbuildSplit: InitialBytes;
}

export interface BuiltBundles {
  /** REST-only app that runs a task and handles a service error (core + transport-rest). */
  restTask: AppBundles;
  /** The same plus `stream()`. */
  restStream: AppBundles;
  /** The full SDK (when asked for): `page` is its browser page, `single` its worker (`validate: true`). */
  sdk: AppBundles | undefined;
  /** What the REST-only consumer's package.json depends on, and what npm installed. */
  restOnlyInstall: { dependencies: string[]; installed: string[] };
}

export interface Built {
  bundles: BuiltBundles;
  cleanup(): Promise<void>;
}

async function installedPackages(consumer: Consumer): Promise<string[]> {
  const top = await readdir(join(consumer.dir, 'node_modules'));
  const names: string[] = [];
  for (const entry of top) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of await readdir(join(consumer.dir, 'node_modules', entry)))
        names.push(`${entry}/${scoped}`);
    } else names.push(entry);
  }
  return names.sort();
}

/** The lazy modules the stream app reaches: core's stream reader and the transport's SSE request. */
export const streamChunks = [/start-stream/, /sse-request/];

async function bundleApp(
  dir: string,
  name: string,
  entries: { single: string; page: string; singleTarget: 'worker' | 'browser' },
  alsoLoaded: readonly RegExp[],
): Promise<AppBundles> {
  const [single, page, split] = await Promise.all([
    bundle({
      dir,
      entry: entries.single,
      outfile: join(dir, `out/${name}.js`),
      target: entries.singleTarget,
    }),
    buildRollupPage({ dir, entry: entries.page, outdir: join(dir, `out/${name}-page`), alsoLoaded }),
    bundleSplit({ dir, entry: entries.page, outdir: join(dir, `out/${name}-esbuild`), target: 'browser' }),
  ]);
  const esbuildSplit = await initialBytes({
    metafile: split.metafile,
    outdir: split.outdir,
    workingDir: dir,
    alsoLoaded,
  });
  return { single, page, esbuildSplit };
}

/** Packs and installs both consumer projects from tarballs, then bundles their apps. */
export async function buildBundles(which: { sdk: boolean } = { sdk: true }): Promise<Built> {
  const consumers: Consumer[] = [];
  try {
    const rest = await createRestOnlyConsumer();
    consumers.push(rest);
    const manifest = JSON.parse(await readFile(join(rest.dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const restTask = await bundleApp(
      rest.dir,
      'rest-task',
      { single: 'task-worker.ts', page: 'task-page.ts', singleTarget: 'worker' },
      [],
    );
    const restStream = await bundleApp(
      rest.dir,
      'rest-stream',
      { single: 'worker.ts', page: 'browser.ts', singleTarget: 'worker' },
      streamChunks,
    );
    let sdk: AppBundles | undefined;
    if (which.sdk) {
      const full = await createFullSdkConsumer();
      consumers.push(full);
      sdk = await bundleApp(
        full.dir,
        'sdk',
        { single: 'worker.ts', page: 'browser.ts', singleTarget: 'worker' },
        [],
      );
    }
    return {
      bundles: {
        restTask,
        restStream,
        sdk,
        restOnlyInstall: {
          dependencies: Object.keys(manifest.dependencies).sort(),
          installed: await installedPackages(rest),
        },
      },
      cleanup: async () => {
        await Promise.all(consumers.map((c) => c.cleanup()));
      },
    };
  } catch (error) {
    await Promise.all(consumers.map((c) => c.cleanup()));
    throw error;
  }
}
