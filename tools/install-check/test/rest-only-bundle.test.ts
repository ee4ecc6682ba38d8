import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { restOnlyGzipBudget } from '../src/size-budget';

const bundles = inject('bundles');
const forbidden = ['ws', 'undici', 'ajv', '@runware/sdk', '@runware/transport-ws', '@runware/validate'];

describe('REST-only install: @runware/core + @runware/transport-rest from tarballs', () => {
  it('depends on exactly the two packages, and npm installs no ws, undici or ajv', () => {
    const { dependencies, installed } = bundles.restOnlyInstall;
    expect(dependencies).toEqual(['@runware/core', '@runware/transport-rest']);
    expect(installed).toEqual(['@runware/core', '@runware/transport-rest', '@runware/types']);
  });

  it.each([
    ['worker', bundles.restWorker],
    ['browser', bundles.restBrowser],
  ])('the %s bundle holds only core and transport-rest code, self-contained', (_, report) => {
    expect(report.packages).toEqual(['@runware/core', '@runware/transport-rest']);
    for (const name of forbidden) expect(report.packages).not.toContain(name);
    expect(report.externalImports).toEqual([]);
    expect(report.nodeBuiltins).toEqual([]);
  });

  it('mentions no Node built-in anywhere in the output text', async () => {
    const code = await readFile(bundles.restWorker.outfile, 'utf8');
    expect(code).not.toMatch(/["'`]node:[a-z_]/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\.(env|versions|platform|nextTick)\b(?!\?)/);
  });

  it(`stays within the size budget (${restOnlyGzipBudget} bytes minified + gzipped)`, () => {
    const { bytes, gzipBytes } = bundles.restWorker;
    console.log(
      `REST-only worker bundle: ${bytes} B minified, ${gzipBytes} B gzipped (budget ${restOnlyGzipBudget})`,
    );
    expect(gzipBytes).toBeGreaterThan(1000);
    expect(gzipBytes).toBeLessThanOrEqual(restOnlyGzipBudget);
  });
});
