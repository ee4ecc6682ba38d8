import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { importSpecifiers } from '../src/bundle';
import { sizeBudgets } from '../src/size-budget';

const bundles = inject('bundles');

describe('@runware/sdk in a browser page, from tarballs', () => {
  it('leaves the engine, the validators, their schemas and ajv to lazy chunks', () => {
    const sdk = bundles.sdk;
    if (!sdk) throw new Error('the global setup did not bundle the full SDK');
    const initial = sdk.page.loaded.map((chunk) => chunk.file).join(' ');
    const lazy = sdk.page.lazy.map((chunk) => chunk.file).join(' ');
    for (const name of [
      'build-client-',
      'request-image-',
      'request-sdxl-',
      'utility-modelSearch-',
      '2019-',
    ]) {
      expect(initial).not.toContain(name);
      expect(lazy).toContain(name);
    }
  });

  it('loads no Node-only code in the page (file access is imported only on Node)', async () => {
    const sdk = bundles.sdk;
    if (!sdk) throw new Error('the global setup did not bundle the full SDK');
    for (const chunk of sdk.page.loaded) {
      const code = await readFile(join(sdk.page.outdir, chunk.file), 'utf8');
      expect(code, chunk.file).not.toMatch(/["'`]node:[a-z_]/);
      const specifiers = importSpecifiers(code);
      expect(
        specifiers.filter((s) => !s.startsWith('./')),
        chunk.file,
      ).toEqual([]);
    }
  });

  it('built as Vite builds it, loads an initial chunk no larger than its budget (minified + gzipped)', () => {
    const sdk = bundles.sdk;
    if (!sdk) throw new Error('the global setup did not bundle the full SDK');
    const { budget } = sizeBudgets.sdkInitial;
    console.log(
      `@runware/sdk page initial chunk: ${sdk.page.loadedBytes} B minified, ${sdk.page.loadedGzipBytes} B gzipped (budget ${budget})`,
    );
    expect(sdk.page.loadedGzipBytes).toBeGreaterThan(1000);
    expect(sdk.page.loadedGzipBytes).toBeLessThanOrEqual(budget);
  });
});
