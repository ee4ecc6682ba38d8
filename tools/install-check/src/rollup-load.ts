import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { type OutputChunk, type Plugin, rollup } from 'rollup';

export interface RollupChunk {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface RollupPage {
  /** The folder the page's chunks were written to, and their names (the entry is `<entry>.js`). */
  outdir: string;
  files: string[];
  /** The chunks the page loads to run its scenario: the entry, its static imports, `alsoLoaded`. */
  loaded: RollupChunk[];
  loadedBytes: number;
  /** Sum of the gzip sizes of `loaded` (each chunk gzipped on its own, as a server sends it). */
  loadedGzipBytes: number;
  /** Every other chunk: fetched only by an `import()` the scenario does not reach. */
  lazy: RollupChunk[];
  /** Bytes of each module in the loaded chunks as Rollup rendered them (before minifying), by file. */
  modules: { path: string; bytes: number }[];
}

/** The app's TypeScript, compiled by esbuild (types stripped only). */
const typescript: Plugin = {
  name: 'typescript',
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = await transform(code, { loader: 'ts', format: 'esm', target: 'es2022' });
    return { code: out.code, map: null };
  },
};

/** Each output chunk minified by esbuild, as Vite minifies a production build. */
const minify: Plugin = {
  name: 'minify',
  async renderChunk(code) {
    const out = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'es2022',
      legalComments: 'none',
    });
    return { code: out.code, map: null };
  },
};

/**
 * A page app built the way Vite builds for production (Rollup, its code splitting and tree
 * shaking, esbuild's minifier), from the packages installed in `dir`: what the page loads to run
 * its scenario. Rollup tree-shakes across chunks by what each one uses, so code only a lazily
 * imported module needs stays in that module's chunk (esbuild's splitting puts it in a chunk the
 * entry loads, since the entry's imports reach its file).
 */
export async function buildRollupPage(options: {
  dir: string;
  entry: string;
  outdir: string;
  /** Lazy chunks the scenario loads (matched against their module's path), counted as loaded. */
  alsoLoaded: readonly RegExp[];
}): Promise<RollupPage> {
  const bundle = await rollup({
    input: `${options.dir}/${options.entry}`,
    plugins: [
      typescript,
      nodeResolve({ browser: true, rootDir: options.dir, extensions: ['.ts', '.js', '.mjs'] }),
    ],
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.write({ dir: options.outdir, format: 'es', plugins: [minify] });
    const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const loadedNames = new Set<string>();
    const visit = (name: string) => {
      if (loadedNames.has(name)) return;
      loadedNames.add(name);
      for (const next of byName.get(name)?.imports ?? []) visit(next);
    };
    for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
    for (const chunk of chunks)
      if (options.alsoLoaded.some((pattern) => pattern.test(chunk.facadeModuleId ?? chunk.fileName)))
        visit(chunk.fileName);
    const sized = (chunk: OutputChunk): RollupChunk => ({
      file: chunk.fileName,
      bytes: Buffer.byteLength(chunk.code),
      gzipBytes: gzipSync(chunk.code, { level: 9 }).byteLength,
    });
    const loaded = chunks.filter((chunk) => loadedNames.has(chunk.fileName)).map(sized);
    const modules = chunks
      .filter((chunk) => loadedNames.has(chunk.fileName))
      .flatMap((chunk) => Object.entries(chunk.modules))
      .map(([path, module]) => ({
        path: path.replace(/^.*node_modules\//, ''),
        bytes: module.renderedLength,
      }))
      .filter((module) => module.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    return {
      outdir: options.outdir,
      modules,
      files: output.map((item) => item.fileName).sort(),
      loaded,
      loadedBytes: loaded.reduce((sum, chunk) => sum + chunk.bytes, 0),
      loadedGzipBytes: loaded.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
      lazy: chunks.filter((chunk) => !loadedNames.has(chunk.fileName)).map(sized),
    };
  } finally {
    await bundle.close();
  }
}
