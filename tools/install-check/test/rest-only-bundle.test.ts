import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { sizeBudgets } from '../src/size-budget';

const bundles = inject('bundles');
const forbidden = ['ws', 'undici', 'ajv', '@runware/sdk', '@runware/transport-ws', '@runware/validate'];
const apps = [
  ['task', bundles.restTask],
  ['task + stream', bundles.restStream],
] as const;

describe('REST-only install: @runware/core + @runware/transport-rest from tarballs', () => {
  it('depends on exactly the two packages, and npm installs no ws, undici or ajv', () => {
    const { dependencies, installed } = bundles.restOnlyInstall;
    expect(dependencies).toEqual(['@runware/core', '@runware/transport-rest']);
    expect(installed).toEqual(['@runware/core', '@runware/transport-rest', '@runware/types']);
  });

  it.each(apps)('the %s app holds only core and transport-rest code, self-contained', (_, app) => {
    expect(app.single.packages).toEqual(['@runware/core', '@runware/transport-rest']);
    for (const name of forbidden) expect(app.single.packages).not.toContain(name);
    expect(app.single.externalImports).toEqual([]);
    expect(app.single.nodeBuiltins).toEqual([]);
  });

  it.each(apps)('the %s app mentions no Node built-in anywhere in the output text', async (_, app) => {
    const code = await readFile(app.single.outfile, 'utf8');
    expect(code).not.toMatch(/["'`]node:[a-z_]/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\.(env|versions|platform|nextTick)\b(?!\?)/);
  });

  it('pays for what it uses: the task app loads no stream, media-encoding, recovery or undici code', () => {
    const names = (chunks: { file: string }[]) => chunks.map((chunk) => chunk.file).join(' ');
    const task = bundles.restTask.page;
    expect(task.loaded.map((chunk) => chunk.file)).toEqual(['task-page.js']);
    for (const chunk of [
      'start-stream',
      'sse-request',
      'encode-media-inputs',
      'undici-fetch',
      'recover-unanswered',
    ])
      expect(names(task.lazy)).toContain(chunk);
    // The stream app loads the stream code too, and nothing more.
    const stream = bundles.restStream.page;
    expect(names(stream.loaded)).toMatch(/start-stream.*sse-request|sse-request.*start-stream/);
    expect(names(stream.loaded)).not.toMatch(/encode-media|undici|recover/);
    expect(stream.loadedGzipBytes).toBeGreaterThan(task.loadedGzipBytes);
  });

  it.each([
    ['task', bundles.restTask, sizeBudgets.restTask],
    ['task + stream', bundles.restStream, sizeBudgets.restStream],
  ] as const)(
    'the %s app, built as Vite builds it, loads no more than its budget (minified + gzipped)',
    (name, app, { budget }) => {
      console.log(
        `REST-only ${name} app loads ${app.page.loadedBytes} B minified, ${app.page.loadedGzipBytes} B gzipped (budget ${budget})`,
      );
      expect(app.page.loadedGzipBytes).toBeGreaterThan(1000);
      expect(app.page.loadedGzipBytes).toBeLessThanOrEqual(budget);
    },
  );
});
