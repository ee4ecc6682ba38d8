/**
 * What a page downloads before its code runs: the entry chunk of a code-split esbuild build and
 * every chunk it imports statically, transitively. Chunks reached only through `import()` load
 * later (or never), so they are listed apart, not counted.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';

export interface ChunkSize {
  /** The chunk's path relative to the output folder. */
  file: string;
  /** Minified size in bytes. */
  bytes: number;
  /** Minified and gzipped (level 9). */
  gzipBytes: number;
}

export interface InitialBytes {
  /** The entry chunk and the chunks it imports statically, entry first. */
  initial: ChunkSize[];
  /** Sum of `initial` bytes. */
  initialBytes: number;
  /** Sum of the gzip sizes of `initial` (each chunk gzipped on its own, as a server sends it). */
  initialGzipBytes: number;
  /** Every other output chunk: loaded by `import()` only. */
  lazy: ChunkSize[];
}

export interface InitialBytesOptions {
  metafile: Metafile;
  /** The build's output folder (the names reported are relative to it). */
  outdir: string;
  /**
   * The entry point as the metafile names it (`entryPoint` of an output, e.g. `src/app.ts`).
   * Default: every output of an entry point that no input imports with `import()`.
   */
  entryPoint?: string | undefined;
  /** The build's `absWorkingDir`, which metafile paths are relative to. Default: `process.cwd()`. */
  workingDir?: string | undefined;
  /**
   * Lazy chunks the app's scenario loads (e.g. the stream chunks of an app that streams), matched
   * against their output names: counted as loaded, with the chunks they import statically.
   */
  alsoLoaded?: readonly RegExp[] | undefined;
}

/**
 * The output keys of the entry chunks, and the output keys each output imports statically. An
 * `import()` target is an entry of esbuild's too, even when the `import()` was tree-shaken away and
 * nothing loads it: it is told apart by the inputs that import it dynamically.
 */
function staticGraph(metafile: Metafile, entryPoint: string | undefined) {
  const outputs = Object.entries(metafile.outputs).filter(([key]) => !key.endsWith('.map'));
  const loadedLater = new Set(
    Object.values(metafile.inputs).flatMap((input) =>
      input.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  const entries = outputs
    .filter(([, output]) =>
      entryPoint === undefined
        ? output.entryPoint !== undefined && !loadedLater.has(output.entryPoint)
        : output.entryPoint === entryPoint,
    )
    .map(([key]) => key);
  if (entries.length === 0)
    throw new Error(`no entry chunk for ${entryPoint ?? 'the build'} in the metafile`);
  const statics = new Map(
    outputs.map(([key, output]) => [
      key,
      output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
    ]),
  );
  return { keys: outputs.map(([key]) => key), entries, statics };
}

/** Splits a code-split build's outputs into the initial chunks (measured) and the lazy ones. */
export async function initialBytes(options: InitialBytesOptions): Promise<InitialBytes> {
  const workingDir = options.workingDir ?? process.cwd();
  const { keys, entries, statics } = staticGraph(options.metafile, options.entryPoint);
  const initialKeys = new Set<string>();
  const visit = (key: string) => {
    if (initialKeys.has(key)) return;
    initialKeys.add(key);
    for (const next of statics.get(key) ?? []) visit(next);
  };
  for (const entry of entries) visit(entry);
  for (const key of keys) if (options.alsoLoaded?.some((pattern) => pattern.test(key))) visit(key);

  const sizeOf = async (key: string): Promise<ChunkSize> => {
    const path = resolve(workingDir, key);
    const code = await readFile(path);
    return {
      file: relative(resolve(workingDir, options.outdir), path),
      bytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    };
  };
  const initial = await Promise.all([...initialKeys].map(sizeOf));
  const lazy = await Promise.all(keys.filter((key) => !initialKeys.has(key)).map(sizeOf));
  return {
    initial,
    initialBytes: initial.reduce((sum, chunk) => sum + chunk.bytes, 0),
    initialGzipBytes: initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    lazy: lazy.sort((a, b) => b.bytes - a.bytes),
  };
}
