/**
 * Where a consumer bundle's bytes go, per source file: the consumer entry bundled from the
 * workspace sources (each `@runware/<pkg>[/sub]` import mapped to `packages/<pkg>/src`), minified
 * with code splitting, and read from esbuild's metafile. The budgets are measured from tarballs;
 * this only explains them (tsup's dist files no longer show their source files).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Resolves `@runware/<pkg>[/sub]` to the workspace sources instead of installed packages. */
export const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@runware\/[^/]+(\/.*)?$/ }, (args) => {
      const [, pkg, sub] = /^@runware\/([^/]+)(?:\/(.*))?$/.exec(args.path) ?? [];
      const base = join(root, 'packages', pkg ?? '', 'src');
      const candidates = sub
        ? [join(base, sub, 'index.ts'), join(base, `${sub}.ts`)]
        : [join(base, 'index.ts')];
      const found = candidates.find((c) => existsSync(c));
      return found ? { path: found } : undefined;
    });
  },
};

export interface ChunkReport {
  file: string;
  bytes: number;
  gzipBytes: number;
  entry: boolean;
  /** Chunks this one imports statically (loaded with it) and dynamically (loaded on demand). */
  staticImports: string[];
  dynamicImports: string[];
  /** Source files (relative to the repository) and the minified bytes each put in this chunk. */
  inputs: { path: string; bytes: number }[];
}

export async function sourceBreakdown(options: {
  entry: string;
  outdir: string;
  target: 'browser' | 'worker';
}): Promise<ChunkReport[]> {
  const result = await build({
    entryPoints: [options.entry],
    outdir: options.outdir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: options.target === 'browser' ? 'browser' : 'neutral',
    mainFields: options.target === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    conditions: options.target === 'browser' ? ['browser'] : ['worker', 'workerd', 'edge-light'],
    metafile: true,
    write: true,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [workspaceSources],
  });
  const chunks: ChunkReport[] = [];
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const code = await readFile(resolve(file));
    chunks.push({
      file: relative(options.outdir, resolve(file)),
      bytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      entry: Boolean(output.entryPoint),
      staticImports: output.imports
        .filter((i) => i.kind === 'import-statement' && !i.external)
        .map((i) => relative(options.outdir, resolve(i.path))),
      dynamicImports: output.imports
        .filter((i) => i.kind === 'dynamic-import' && !i.external)
        .map((i) => relative(options.outdir, resolve(i.path))),
      inputs: Object.entries(output.inputs)
        .map(([path, i]) => ({ path: relative(root, resolve(path)), bytes: i.bytesInOutput }))
        .filter((i) => i.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes),
    });
  }
  return chunks.sort((a, b) => Number(b.entry) - Number(a.entry) || b.bytes - a.bytes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry = 'consumers/rest-only/worker.ts', target = 'worker'] = process.argv.slice(2);
  const chunks = await sourceBreakdown({ entry, outdir: '/tmp/size/out', target: target as 'worker' });
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const next of byFile.get(file)?.staticImports ?? []) closure(next, seen);
    return seen;
  };
  const main = entry.replace(/^.*\//, '').replace(/\.ts$/, '.js');
  const initial = [...closure(main)];
  const sum = (files: string[]) => files.reduce((n, f) => n + (byFile.get(f)?.gzipBytes ?? 0), 0);
  console.log(`initial ${sum(initial)} gz (${initial.join(', ')})`);
  for (const c of chunks.filter((c) => c.dynamicImports.length === 0 && !initial.includes(c.file) && c.entry))
    void c;
  for (const c of chunks) {
    console.log(
      `${c.entry ? 'ENTRY' : 'chunk'} ${c.file} ${c.bytes} min ${c.gzipBytes} gz  static:[${c.staticImports.join(' ')}] dyn:[${c.dynamicImports.join(' ')}]`,
    );
    for (const i of c.inputs.slice(0, 60)) console.log(`   ${String(i.bytes).padStart(6)} ${i.path}`);
  }
}
