import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runInWorkerd } from '../src/workerd';

const bundles = inject('bundles');
const emulator = useEmulator({ beforeAll, afterAll }, { tokenDelayMs: 1 });

describe('REST-only bundle in workerd (Cloudflare Workers runtime, no nodejs_compat)', () => {
  it('the task app: a task with polling and a service error mapped to a RunwareError', async () => {
    const mark = await emulator.control.mark();
    const run = await runInWorkerd(bundles.restTask.single.outfile, {
      RUNWARE_API_KEY: emulator.apiKey,
      RUNWARE_BASE_URL: emulator.httpUrl,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const report = run.body as {
      runtime: string;
      image: { taskUUID: string; imageURL: string };
      failure: unknown;
    };
    expect(report.runtime).toBe('Cloudflare-Workers');
    expect(report.image.imageURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+\.jpg$/);
    expect(report.failure).toEqual({ code: 'validation', parameter: 'messages' });
    const tasks = await mark.tasks();
    expect(tasks.find((t) => t.taskUUID === report.image.taskUUID)).toMatchObject({
      taskType: 'imageInference',
      deliveryMethod: 'async',
      via: 'rest',
    });
    expect(tasks.some((t) => t.deliveryMethod === 'stream')).toBe(false);
  });

  it('the stream app: a task with polling, a text stream and a service error', async () => {
    const run = await runInWorkerd(bundles.restStream.single.outfile, {
      RUNWARE_API_KEY: emulator.apiKey,
      RUNWARE_BASE_URL: emulator.httpUrl,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const report = run.body as {
      runtime: string;
      transport: string;
      image: { taskUUID: string; imageURL: string };
      stream: { tokens: number; text: string; finishReason: string };
      failure: { code: string; parameter: string };
    };
    expect(report.runtime).toBe('Cloudflare-Workers');
    expect(report.transport).toBe('rest');
    expect(report.image.imageURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+\.jpg$/);
    expect(report.stream.tokens).toBeGreaterThan(1);
    expect(report.stream.text.length).toBeGreaterThan(0);
    expect(typeof report.stream.finishReason).toBe('string');
    expect(report.failure).toEqual({ code: 'validation', parameter: 'messages' });

    const tasks = await emulator.control.tasks();
    const image = tasks.find((t) => t.taskUUID === report.image.taskUUID);
    expect(image).toMatchObject({
      taskType: 'imageInference',
      model: 'runware:400@1',
      deliveryMethod: 'async',
      via: 'rest',
    });
    expect(tasks.some((t) => t.taskType === 'getResponse')).toBe(true);
    expect(tasks.some((t) => t.taskType === 'textInference' && t.deliveryMethod === 'stream')).toBe(true);
  });
});
