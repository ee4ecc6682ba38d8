import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';

export interface BundleOptions {
  /** The consumer project (its node_modules resolve the imports). */
  dir: string;
  entry: string;
  outfile: string;
  /** `browser` for pages, `neutral` + the `worker` condition for edge runtimes. */
  target: 'browser' | 'worker';
}

export interface BundleReport {
  outfile: string;
  /** Minified size in bytes. */
  bytes: number;
  /** Minified and gzipped (level 9), what a CDN serves. */
  gzipBytes: number;
  /** Installed packages whose code made it into the bundle, by name. */
  packages: string[];
  /** Imports left for the runtime to resolve (none means self-contained). */
  externalImports: string[];
  /** Node built-in module names the output still mentions as import specifiers. */
  nodeBuiltins: string[];
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** `node_modules/@scope/name/…` or `node_modules/name/…` → the package name (innermost if nested). */
export function packageOfInput(path: string): string | undefined {
  const matches = [...path.matchAll(/(?<=^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)(?=\/)/g)];
  return matches.at(-1)?.[1];
}

/** Specifiers of `import … from 'x'`, `import('x')` and `require('x')` with a literal argument. */
export function importSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns)
    for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found].sort();
}

/** What every consumer bundle shares: ESM, minified, for a browser or a worker runtime. */
export function commonOptions(dir: string, target: BundleOptions['target']) {
  return {
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: target === 'browser' ? 'browser' : 'neutral',
    mainFields: target === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    conditions: target === 'browser' ? ['browser'] : ['worker', 'workerd', 'edge-light'],
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  } satisfies BuildOptions;
}

/**
 * Bundles one consumer entry with code splitting, as a page's bundler does: every `import()` the
 * packages make becomes a chunk the page fetches only when that code runs. Returns the folder and
 * its files (the entry is `<entry name>.js`) and esbuild's metafile.
 */
export async function bundleSplit(options: Omit<BundleOptions, 'outfile'> & { outdir: string }) {
  const result = await build({
    ...commonOptions(options.dir, options.target),
    entryPoints: [options.entry],
    outdir: options.outdir,
    splitting: true,
  });
  const files = Object.keys(result.metafile.outputs).map((file) =>
    relative(options.outdir, join(options.dir, file)),
  );
  return { outdir: options.outdir, files: files.sort(), metafile: result.metafile };
}

/**
 * Bundles one consumer entry, for a Web-standard runtime. A Node built-in anywhere in the
 * import graph fails the build itself (esbuild cannot resolve it for these platforms).
 */
export async function bundle(options: BundleOptions): Promise<BundleReport> {
  const result = await build({
    ...commonOptions(options.dir, options.target),
    entryPoints: [options.entry],
    outfile: options.outfile,
  });
  const code = await readFile(options.outfile);
  const output = Object.values(result.metafile.outputs)[0];
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const name = packageOfInput(input);
    if (name) packages.add(name);
  }
  return {
    outfile: options.outfile,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    packages: [...packages].sort(),
    externalImports: (output?.imports ?? []).filter((i) => i.external).map((i) => i.path),
    nodeBuiltins: importSpecifiers(code.toString('utf8')).filter((s) => builtins.has(s)),
  };
}
