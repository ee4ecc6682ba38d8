import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../src/testing/index';
import { emulatorOptions, json, uuid } from './support/emulator';
import { readSse } from './support/sse';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, emulatorOptions());

const streamTask = (extra: Record<string, unknown> = {}) => ({
  taskType: 'textInference',
  taskUUID: uuid(),
  model: 'google:gemma@4-31b',
  deliveryMethod: 'stream',
  messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
  ...extra,
});

const open = (tasks: unknown[]) =>
  fetch(emulator.httpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${emulator.apiKey}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(tasks),
  });

describe('SSE streaming (textInference, deliveryMethod stream)', () => {
  it('streams reasoning first, then one token per event, then finishReason with usage and cost, then [DONE]', async () => {
    const task = streamTask({
      includeUsage: true,
      includeCost: true,
      settings: { reasoning: true, maxTokens: 12 },
    });
    const response = await open([task]);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { events, done, comments } = await readSse(response);
    expect(done).toBe(true);
    expect(comments).toBeGreaterThan(0);
    expect(events.every((e) => e.taskUUID === task.taskUUID && e.taskType === 'textInference')).toBe(true);
    const reasoningAt = events.findIndex(
      (e) => (e.delta as Record<string, unknown>).reasoningContent !== undefined,
    );
    const textAt = events.findIndex((e) => (e.delta as Record<string, unknown>).text !== undefined);
    expect(reasoningAt).toBeGreaterThanOrEqual(0);
    expect(reasoningAt).toBeLessThan(textAt);
    const tokens = events.flatMap((e) =>
      (e.delta as { text?: string }).text === undefined ? [] : [(e.delta as { text: string }).text],
    );
    expect(tokens).toHaveLength(12);
    const last = events.at(-1) ?? {};
    expect(last.finishReason).toBe('length');
    expect(last.usage).toMatchObject({ completionTokens: 12, totalTokens: expect.any(Number) });
    expect(typeof last.cost).toBe('number');
    expect(events.slice(0, -1).every((e) => e.finishReason === undefined || e.finishReason === null)).toBe(
      true,
    );
  });

  it('gives the same text as the sync answer for the same task and seed', async () => {
    const seed = 7;
    const stream = await readSse(await open([streamTask({ seed })]));
    const text = stream.events.map((e) => (e.delta as { text?: string }).text ?? '').join('');
    const sync = await json(
      fetch(emulator.httpUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify([streamTask({ seed, deliveryMethod: 'sync' })]),
      }),
    );
    expect(sync.data[0].text).toBe(text);
  });

  it('cuts a stream without [DONE] under the truncateStream fault', async () => {
    await emulator.control.addFaults([{ kind: 'truncateStream', afterChunks: 3, count: 1 }]);
    const { events, done } = await readSse(await open([streamTask()]));
    expect(done).toBe(false);
    expect(events).toHaveLength(3);
    expect((await emulator.control.stats()).streams.truncated).toBe(1);
  });

  it('sends an in-stream error event under the itemError fault', async () => {
    await emulator.control.addFaults([{ kind: 'itemError', code: 'providerTimeout', count: 1 }]);
    const task = streamTask();
    const { events, done } = await readSse(await open([task]));
    expect(done).toBe(false);
    expect(events.at(-1)).toEqual({
      errors: [
        expect.objectContaining({
          code: 'providerTimeout',
          taskUUID: task.taskUUID,
          taskType: 'textInference',
        }),
      ],
    });
  });

  it('answers errors before the stream as an ordinary JSON response', async () => {
    const response = await open([streamTask({ model: 'nobody:nothing@1' })]);
    expect(response.status).toBe(404);
    expect((await json(response)).errors[0]).toMatchObject({ code: 'modelNotFound' });
    const mixed = await open([streamTask(), streamTask()]);
    expect((await json(mixed)).errors[0]).toMatchObject({ code: 'unsupportedDeliveryMethod' });
  });
});
