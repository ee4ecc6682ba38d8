import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useHarness } from './support/harness';

const h = useHarness({ tokenDelayMs: 5 });
const ask = (extra: Record<string, unknown> = {}) => ({
  model: 'google:gemma@4-31b',
  messages: [{ role: 'user' as const, content: 'Tell me about lighthouses' }],
  ...extra,
});

beforeEach(async () => {
  await h.control.reset();
});

describe('stream()', () => {
  it('streams tokens; every consumer sees every chunk; result() carries usage and cost', async () => {
    const stream = await h.client.stream(
      ask({ includeUsage: true, includeCost: true, settings: { reasoning: true, maxTokens: 10 } }),
    );
    const first: string[] = [];
    const second: string[] = [];
    const reasoning: string[] = [];
    await Promise.all([
      (async () => {
        for await (const token of stream.textStream) first.push(token);
      })(),
      (async () => {
        for await (const token of stream.textStream) second.push(token);
      })(),
      (async () => {
        for await (const thought of stream.reasoningStream) reasoning.push(thought);
      })(),
    ]);
    expect(first).toHaveLength(10);
    expect(second).toEqual(first);
    expect(reasoning.length).toBeGreaterThan(0);
    const result = await stream.result();
    expect(result).toMatchObject({
      text: first.join(''),
      reasoningContent: reasoning.join(''),
      finishReason: 'length',
      taskUUID: stream.taskUUID,
    });
    expect(result.usage?.completionTokens).toBe(10);
    expect(typeof result.cost).toBe('number');
    expect(await stream.text()).toBe(first.join(''));
    const late: string[] = [];
    for await (const token of stream.textStream) late.push(token);
    expect(late).toEqual(first);
    const [sent] = await h.control.tasks();
    expect(sent).toMatchObject({ taskType: 'textInference', deliveryMethod: 'stream' });
  });

  it('throws for numberResults > 1 before sending anything', async () => {
    const error = await failure(h.client.stream(ask({ numberResults: 2 })));
    expect(error).toMatchObject({ code: 'validation', parameter: 'numberResults' });
    expect(await h.control.tasks()).toEqual([]);
  });

  it('ends iteration cleanly on abort; result() says aborted', async () => {
    const controller = new AbortController();
    const stream = await h.client.stream(ask({ settings: { maxTokens: 200 } }), {
      signal: controller.signal,
    });
    const tokens: string[] = [];
    for await (const token of stream.textStream) {
      tokens.push(token);
      if (tokens.length === 3) controller.abort();
    }
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(tokens.length).toBeLessThan(200);
    expect((await failure(stream.result())).code).toBe('aborted');
  });

  it('turns an in-stream error event into a RunwareError', async () => {
    await h.control.addFaults([{ kind: 'itemError', code: 'providerTimeout', count: 1 }]);
    const stream = await h.client.stream(ask());
    const error = await failure(
      (async () => {
        for await (const _ of stream.textStream) {
          // drain
        }
      })(),
    );
    expect(error).toMatchObject({ code: 'timeout', taskType: 'textInference', taskUUID: stream.taskUUID });
    expect((await failure(stream.result())).code).toBe('timeout');
  });

  it('turns an error before the stream into a RunwareError', async () => {
    const error = await failure(
      h.client.stream(ask({ model: 'google:gemma@4-31b', messages: 'not an array' })),
    );
    expect(error).toMatchObject({ code: 'validation', parameter: 'messages', statusCode: 400 });
  });

  it('reports a cut stream as a connection error', async () => {
    await h.control.addFaults([{ kind: 'truncateStream', afterChunks: 2, count: 1 }]);
    const stream = await h.client.stream(ask());
    expect((await failure(stream.result())).code).toBe('connection');
  });

  it('refuses a model that is not a text model', async () => {
    const error = await failure(h.client.stream({ model: 'runware:400@1' }));
    expect(error).toMatchObject({ code: 'validation', parameter: 'model' });
  });
});
