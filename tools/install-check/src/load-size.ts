import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { type BundleOptions, commonOptions, packageOfInput } from './bundle';

/** `…/packages/core/src/…` (a source build) → `@runware/core`. */
const workspacePackage = (path: string) => {
  const name = /(?:^|\/)packages\/([^/]+)\/src\//.exec(path)?.[1];
  return name ? `@runware/${name}` : undefined;
};

export interface LoadReport {
  /** Minified bytes the app loads to do its work, as one file. */
  bytes: number;
  /** The same, gzipped (level 9): the figure a budget holds. */
  gzipBytes: number;
  /** `import()`s left out (code the app's scenario never reaches), by specifier. */
  leftOut: string[];
  /** Minified bytes per installed package (and `app` for the consumer's own code). */
  byPackage: Record<string, number>;
  /** Minified bytes per file of each package, largest first. */
  inputs: { path: string; bytes: number }[];
}

/**
 * What an app loads to run its scenario, measured as one file: the entry and everything it imports
 * statically, plus the lazily imported modules the scenario reaches (`inline`, matched against
 * the `import()` specifier, e.g. the chunk `./start-stream-XXXX.js` of a package's dist). Every
 * other `import()` is left out: a bundler makes it a chunk fetched only when that code runs
 * (media encoding, the undici loader, the SSE reader of an app that never streams).
 *
 * One file rather than the sum of esbuild's split chunks: esbuild puts code shared with a lazy
 * module in chunks of its own, so the same bytes would cost a gzip header and lost context per
 * chunk; bundlers that merge what is loaded together (Rollup, Vite) serve about one file.
 */
export async function measureLoad(
  options: BundleOptions & { inline: readonly RegExp[]; plugins?: Plugin[] },
): Promise<LoadReport> {
  const leftOut = new Set<string>();
  const lazy: Plugin = {
    name: 'leave-lazy-imports-out',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import' || options.inline.some((re) => re.test(args.path)))
          return undefined;
        leftOut.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    ...commonOptions(options.dir, options.target),
    entryPoints: [options.entry],
    outfile: options.outfile,
    plugins: [lazy, ...(options.plugins ?? [])],
  });
  const code = await readFile(options.outfile);
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage: Record<string, number> = {};
  const inputs: LoadReport['inputs'] = [];
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    if (input.bytesInOutput === 0) continue;
    const name = packageOfInput(path) ?? workspacePackage(path) ?? 'app';
    byPackage[name] = (byPackage[name] ?? 0) + input.bytesInOutput;
    inputs.push({
      path: path.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, ''),
      bytes: input.bytesInOutput,
    });
  }
  return {
    bytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    leftOut: [...leftOut].sort(),
    byPackage,
    inputs: inputs.sort((a, b) => b.bytes - a.bytes),
  };
}
