import { useEmulator } from '@runware/emulator/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { type StaticServer, serveFiles } from '../src/static-server';

const bundles = inject('bundles');
const pageHtml = `<!doctype html><meta charset="utf-8"><title>runware install check</title>
<script type="module" src="/rest-only.js"></script>
<script type="module" src="/full-sdk.js"></script>`;

const emulator = useEmulator({ beforeAll, afterAll }, { tokenDelayMs: 1 });
let site: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!bundles.sdkBrowser) throw new Error('the global setup did not bundle the full SDK');
  site = await serveFiles({
    'index.html': { text: pageHtml },
    'rest-only.js': { path: bundles.restBrowser.outfile },
    'full-sdk.js': { path: bundles.sdkBrowser.outfile },
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
  await page.waitForFunction(() => 'runwareRestOnly' in globalThis && 'runwareFullSdk' in globalThis);
});
afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

describe('headless Chromium, page served from localhost, emulator on another origin', () => {
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
  });
});
