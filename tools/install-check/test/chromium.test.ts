import { useEmulator } from '@runware/emulator/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { type StaticServer, serveFiles } from '../src/static-server';

const bundles = inject('bundles');
const pageHtml = `<!doctype html><meta charset="utf-8"><title>runware install check</title>
<script type="module" src="/rest-task/task-page.js"></script>
<script type="module" src="/rest-stream/browser.js"></script>
<script type="module" src="/sdk/browser.js"></script>`;

const emulator = useEmulator({ beforeAll, afterAll }, { tokenDelayMs: 1 });
let site: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** Paths of the scripts the page fetched, in order (lazy chunks are fetched when code needs them). */
const fetched: string[] = [];

/** Every file of a split app, served under `/<prefix>/`. */
function filesOf(prefix: string, page: { outdir: string; files: readonly string[] }) {
  return Object.fromEntries(
    page.files.map((file) => [`${prefix}/${file}`, { path: `${page.outdir}/${file}` }]),
  );
}

beforeAll(async () => {
  if (!bundles.sdk) throw new Error('the global setup did not bundle the full SDK');
  site = await serveFiles({
    'index.html': { text: pageHtml },
    ...filesOf('rest-task', bundles.restTask.page),
    ...filesOf('rest-stream', bundles.restStream.page),
    ...filesOf('sdk', bundles.sdk.page),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});
beforeEach(async () => {
  pageErrors.length = 0;
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`${site.url}/index.html`);
  await page.waitForFunction(
    () =>
      'runwareRestTask' in globalThis && 'runwareRestOnly' in globalThis && 'runwareFullSdk' in globalThis,
  );
  // From here on: only what the scenario itself makes the page fetch.
  fetched.length = 0;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) fetched.push(path);
  });
});
afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

const lazyChunk = /start-stream|sse-request|encode-media-inputs|undici-fetch|recover-unanswered/;

describe('headless Chromium, page served from localhost, emulator on another origin', () => {
  it('REST-only task app: a task with polling and a service error, fetching no lazy chunk', async () => {
    const target = { apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl };
    const report = await page.evaluate(
      (t) =>
        (
          globalThis as unknown as { runwareRestTask(t: unknown): Promise<Record<string, unknown>> }
        ).runwareRestTask(t),
      target,
    );
    expect(report.runtime).toMatch(/HeadlessChrome\/\d+/);
    expect(report.image).toMatchObject({ imageURL: expect.stringMatching(/\/media\/.+\.jpg$/) });
    expect(report.failure).toEqual({ code: 'validation', parameter: 'messages' });
    expect(fetched.filter((path) => lazyChunk.test(path))).toEqual([]);
  });

  it('REST-only bundle: a task with polling, a text stream and a service error', async () => {
    const target = { apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl };
    const report = await page.evaluate(
      (t) =>
        (
          globalThis as unknown as { runwareRestOnly(t: unknown): Promise<Record<string, unknown>> }
        ).runwareRestOnly(t),
      target,
    );
    expect(report.runtime).toMatch(/HeadlessChrome\/\d+/);
    expect(report.transport).toBe('rest');
    expect(report.image).toMatchObject({ imageURL: expect.stringMatching(/\/media\/.+\.jpg$/) });
    expect(report.stream).toMatchObject({ tokens: expect.any(Number), finishReason: expect.any(String) });
    expect((report.stream as { tokens: number }).tokens).toBeGreaterThan(1);
    expect(report.failure).toEqual({ code: 'validation', parameter: 'messages' });

    const tasks = await emulator.control.tasks();
    const image = tasks.find((t) => t.taskUUID === (report.image as { taskUUID: string }).taskUUID);
    expect(image).toMatchObject({ taskType: 'imageInference', deliveryMethod: 'async', via: 'rest' });
    expect(image?.headers.origin).toBe(site.url);
    // The stream code came as lazy chunks, fetched when stream() was first called.
    const streamChunks = fetched.filter((path) => path.startsWith('/rest-stream/') && lazyChunk.test(path));
    expect(streamChunks.some((path) => path.includes('start-stream'))).toBe(true);
    expect(streamChunks.some((path) => path.includes('sse-request'))).toBe(true);
    expect(streamChunks.some((path) => /encode-media|undici|recover/.test(path))).toBe(false);
  });

  it('full @runware/sdk: a task over WebSocket, a stream over REST, client-side validation', async () => {
    const target = {
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      wsBaseUrl: emulator.wsUrl,
      schemasBaseUrl: emulator.schemasUrl,
    };
    const mark = await emulator.control.mark();
    const report = (await page.evaluate(
      (t) => (globalThis as unknown as { runwareFullSdk(t: unknown): Promise<unknown> }).runwareFullSdk(t),
      target,
    )) as {
      runtime: string;
      images: { taskUUID: string; imageURL: string }[];
      onResult: { taskUUID: string; imageURL: string }[];
      text: string;
      validation: { code: string; parameter: string };
    };
    expect(report.runtime).toMatch(/HeadlessChrome\/\d+/);
    expect(report.images).toHaveLength(2);
    expect(report.onResult).toEqual(report.images);
    for (const image of report.images) expect(image.imageURL).toMatch(/\/media\/.+\.jpg$/);
    expect(report.text.length).toBeGreaterThan(0);
    expect(report.validation).toEqual({ code: 'validation', parameter: 'messages' });

    const tasks = await mark.tasks();
    const image = tasks.find((t) => t.taskUUID === report.images[0]?.taskUUID);
    expect(image).toMatchObject({ taskType: 'imageInference', numberResults: 2, via: 'ws' });
    expect(tasks.some((t) => t.taskType === 'authentication' && t.via === 'ws')).toBe(true);
    expect(
      tasks.some((t) => t.taskType === 'textInference' && t.deliveryMethod === 'stream' && t.via === 'rest'),
    ).toBe(true);
    // Validation failed in the page: the invalid task never reached the emulator.
    expect(tasks.filter((t) => t.taskType === 'textInference')).toHaveLength(1);
    // Validation ran on the precompiled validators of the two schemas the tasks use (image, text),
    // each a chunk of its own: ajv's compiler (its `2019` entry) and the other validators were
    // never fetched.
    const sdkChunks = fetched.filter((path) => path.startsWith('/sdk/'));
    expect(sdkChunks.filter((path) => /\/request-|\/utility-/.test(path)).sort()).toEqual([
      expect.stringMatching(/^\/sdk\/request-image-[\w-]+\.js$/),
      expect.stringMatching(/^\/sdk\/request-text-[\w-]+\.js$/),
    ]);
    expect(sdkChunks.some((path) => /\/2019-/.test(path))).toBe(false);
  });
});
