import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consumer } from '@runware/pack-check';
import { type BundleReport, bundle } from './bundle';
import { createFullSdkConsumer, createRestOnlyConsumer } from './consumer-projects';

export interface BuiltBundles {
  /** The REST-only worker module (ESM, Web-standard APIs only). */
  restWorker: BundleReport;
  /** The REST-only page script: sets `globalThis.runwareRestOnly`. */
  restBrowser: BundleReport;
  /** The full SDK page script: sets `globalThis.runwareFullSdk` (when asked for). */
  sdkBrowser: BundleReport | undefined;
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

/** Packs and installs both consumer projects from tarballs, then bundles their entries. */
export async function buildBundles(which: { sdk: boolean } = { sdk: true }): Promise<Built> {
  const consumers: Consumer[] = [];
  try {
    const rest = await createRestOnlyConsumer();
    consumers.push(rest);
    const manifest = JSON.parse(await readFile(join(rest.dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const restWorker = await bundle({
      dir: rest.dir,
      entry: 'worker.ts',
      outfile: join(rest.dir, 'out/worker.js'),
      target: 'worker',
    });
    const restBrowser = await bundle({
      dir: rest.dir,
      entry: 'browser.ts',
      outfile: join(rest.dir, 'out/rest-only.js'),
      target: 'browser',
    });
    let sdkBrowser: BundleReport | undefined;
    if (which.sdk) {
      const sdk = await createFullSdkConsumer();
      consumers.push(sdk);
      sdkBrowser = await bundle({
        dir: sdk.dir,
        entry: 'browser.ts',
        outfile: join(sdk.dir, 'out/full-sdk.js'),
        target: 'browser',
      });
    }
    return {
      bundles: {
        restWorker,
        restBrowser,
        sdkBrowser,
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
