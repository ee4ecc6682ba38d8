import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialBytes } from './initial-bytes';

const gzipOf = async (path: string) => gzipSync(await readFile(path), { level: 9 }).byteLength;

describe('initialBytes', () => {
  let dir: string;
  let metafile: Metafile;

  // A page whose entry shares a module with a lazily imported one: esbuild puts the shared module
  // in a chunk both import statically, so that chunk is initial and the lazy one is not.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'initial-bytes-'));
    // `later` is never called: its `import()` is tree-shaken, yet esbuild still emits never.js.
    await writeFile(
      join(dir, 'shared.js'),
      "export const shared = (x) => 'shared ' + x;\nexport const later = () => import('./never.js');\n",
    );
    await writeFile(join(dir, 'never.js'), "export const never = 'never loaded';\n");
    await writeFile(
      join(dir, 'heavy.js'),
      `import { shared } from './shared.js';\nexport const heavy = () => shared('${'heavy '.repeat(200)}');\n`,
    );
    await writeFile(
      join(dir, 'page.js'),
      `import { shared } from './shared.js';\nglobalThis.run = async () => shared((await import('./heavy.js')).heavy());\n`,
    );
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ['page.js'],
      outdir: 'out',
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      metafile: true,
      logLevel: 'silent',
    });
    metafile = result.metafile;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('counts the entry and its static imports, gzipped one by one, and lists the lazy chunks', async () => {
    const result = await initialBytes({ metafile, outdir: join(dir, 'out'), workingDir: dir });
    const files = result.initial.map((c) => c.file);
    expect(files[0]).toBe('page.js');
    expect(files).toHaveLength(2);
    expect(files[1]).toMatch(/^chunk-.*\.js$/);
    // Biggest first; never.js is lazy although no output imports it.
    expect(result.lazy.map((c) => c.file)).toEqual([
      expect.stringMatching(/^heavy-.*\.js$/),
      expect.stringMatching(/^never-.*\.js$/),
    ]);
    const gzips = await Promise.all(files.map((f) => gzipOf(join(dir, 'out', f))));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(result.initialGzipBytes).toBe(sum(gzips));
    expect(result.initialBytes).toBe(sum(result.initial.map((c) => c.bytes)));
    const [lazy] = result.lazy;
    expect(lazy?.gzipBytes).toBe(await gzipOf(join(dir, 'out', lazy?.file ?? '')));
    // The heavy text is in the lazy chunk only.
    expect(lazy?.bytes).toBeGreaterThan(1000);
    expect(result.initialBytes).toBeLessThan(500);
  });

  it('takes the entry by name, and ignores source maps and external imports', async () => {
    const key = Object.keys(metafile.outputs).find((k) => k.endsWith('page.js')) as string;
    const page = metafile.outputs[key] as Metafile['outputs'][string];
    const withExtras: Metafile = {
      ...metafile,
      outputs: {
        ...metafile.outputs,
        [`${key}.map`]: { ...page, entryPoint: undefined, imports: [], bytes: 10 },
        [key]: {
          ...page,
          imports: [...page.imports, { path: 'https://cdn/x.js', kind: 'import-statement', external: true }],
        },
      },
    };
    const result = await initialBytes({
      metafile: withExtras,
      outdir: 'out',
      workingDir: dir,
      entryPoint: 'page.js',
    });
    expect(result.initial.map((c) => c.file)).toEqual(['page.js', expect.stringMatching(/^chunk-/)]);
    expect(result.lazy).toHaveLength(2);
  });

  it('refuses an entry point the build does not have', async () => {
    await expect(
      initialBytes({ metafile, outdir: 'out', workingDir: dir, entryPoint: 'other.js' }),
    ).rejects.toThrow(/no entry chunk for other\.js/);
  });
});
