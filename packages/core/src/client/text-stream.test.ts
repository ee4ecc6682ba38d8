import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import { createTextStream } from './text-stream';

const task = { taskType: 'textInference', taskUUID: 't4' };

/** An SSE body the test writes to line by line; `end()` closes it. */
function sseBody() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    body,
    /** Ignored once the reader cancelled the body (the stream failed). */
    write: (text: string) => {
      try {
        controller.enqueue(encoder.encode(text));
      } catch {}
    },
    data: (value: unknown) =>
      controller.enqueue(
        encoder.encode(`data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`),
      ),
    end: () => controller.close(),
  };
}

const chunk = (text: string, extra: Record<string, unknown> = {}) => ({ ...task, delta: { text }, ...extra });

async function errorOf(promise: Promise<unknown>): Promise<RunwareError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isRunwareError(error)) throw new Error(`expected a RunwareError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createTextStream: chunks of another task', () => {
  it('ignores chunks that carry another taskUUID', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.data(chunk('Hel'));
    sse.data(chunk('INJECTED', { taskUUID: 'other' }));
    sse.data(chunk('lo', { finishReason: 'stop' }));
    sse.data('[DONE]');
    sse.end();
    expect(await stream.text()).toBe('Hello');
  });
});

describe('createTextStream: lines', () => {
  it('reads lines split anywhere, CRLF endings, no space after data:, and skips other fields', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    const line = `data: ${JSON.stringify(chunk('Hel'))}\r\n`;
    sse.write(line.slice(0, 10));
    sse.write(line.slice(10));
    sse.write('event: message\nid: 1\n: keepalive\n\n');
    sse.write(`data:${JSON.stringify(chunk('lo'))}\n`);
    sse.write(`data: ${JSON.stringify(chunk('!', { finishReason: 'stop' }))}`);
    sse.end();
    expect(await stream.result()).toMatchObject({ text: 'Hello!', finishReason: 'stop' });
  });

  it('delivers a chunk as soon as its line ends, before any blank line', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.write(`data: ${JSON.stringify(chunk('now'))}\n`);
    const iterator = stream.textStream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 'now', done: false });
    sse.end();
  });
});

describe('createTextStream: reasoning', () => {
  it('leaves reasoningContent undefined when the model produced none', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.data(chunk('Hi', { finishReason: 'stop' }));
    sse.data('[DONE]');
    sse.end();
    const result = await stream.result();
    expect(result.text).toBe('Hi');
    expect(result.reasoningContent).toBeUndefined();
    expect('reasoningContent' in result && result.reasoningContent !== undefined).toBe(false);
  });

  it('joins the reasoning deltas when there are some', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.data({ ...task, delta: { reasoningContent: 'Think' } });
    sse.data({ ...task, delta: { reasoningContent: 'ing' } });
    sse.data(
      chunk('Hi', {
        finishReason: 'stop',
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
        cost: 0.1,
      }),
    );
    sse.end();
    expect(await stream.result()).toEqual({
      text: 'Hi',
      reasoningContent: 'Thinking',
      finishReason: 'stop',
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      cost: 0.1,
      taskUUID: 't4',
    });
  });
});

describe('createTextStream: error events', () => {
  it('fails with the first error, linking the model page when the slug is known', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { modelSlug: 'google-gemma-4' });
    sse.data(chunk('Hi'));
    sse.data({
      errors: [{ code: 'invalidMaxTokens', message: 'too many', parameter: 'settings.maxTokens' }],
    });
    const error = await errorOf(stream.result());
    expect(error).toMatchObject({ code: 'validation', taskUUID: 't4', taskType: 'textInference' });
    expect(error.documentation).toBe(
      'https://runware.ai/docs/models/google-gemma-4#request-settings-maxtokens',
    );
  });

  it('ignores an error event of another task', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.data({ taskUUID: 'other', errors: [{ code: 'providerError', message: 'x', taskUUID: 'other' }] });
    sse.data(chunk('ok'));
    sse.end();
    expect(await stream.text()).toBe('ok');
  });
});

describe('createTextStream: events that are JSON but not an object', () => {
  it.each(['null', '42', '"text"', '[1,2]', 'true'])(
    'fails on data: %s with a non-retryable error',
    async (value) => {
      const sse = sseBody();
      const stream = createTextStream(sse.body, task, undefined);
      sse.data(chunk('Hi'));
      sse.data(value);
      const error = await errorOf(stream.text());
      expect(error.retryable).toBe(false);
      expect(error.rawCode).toBe('parseError');
      expect(error.code).not.toBe('connection');
      expect(error.taskUUID).toBe('t4');
    },
  );
});

describe('createTextStream: an event nested very deep', () => {
  it('fails the stream with a RunwareError', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    sse.data(`{"taskUUID":"t4","usage":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    const error = await errorOf(stream.text());
    expect(error.rawCode).toBe('responseTooDeep');
  });
});

describe('createTextStream: idle timeout', () => {
  it('fails with timeout when only keep-alive comments arrive for the idle timeout', async () => {
    vi.useFakeTimers();
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { idleTimeoutMs: 1000 });
    const result = errorOf(stream.text());
    sse.data(chunk('Hi'));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(400);
      sse.write(': keepalive\n\n');
    }
    const error = await result;
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('1000 ms');
  });

  it('fails with timeout when nothing arrives, and keeps going while chunks do', async () => {
    vi.useFakeTimers();
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { idleTimeoutMs: 1000 });
    const text = stream.text().catch((error: unknown) => error);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(900);
      sse.data(chunk(String(i)));
    }
    await vi.advanceTimersByTimeAsync(1001);
    const error = (await text) as RunwareError;
    expect(error.code).toBe('timeout');
  });

  it('defaults to 120 000 ms', async () => {
    vi.useFakeTimers();
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined);
    let settled = false;
    const text = stream
      .text()
      .catch((error: unknown) => error)
      .finally(() => {
        settled = true;
      });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1001);
    expect(((await text) as RunwareError).code).toBe('timeout');
  });

  it('clears its timer when the stream ends', async () => {
    vi.useFakeTimers();
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { idleTimeoutMs: 1000 });
    sse.data(chunk('ok'));
    sse.end();
    expect(await stream.text()).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createTextStream: a flood of deltas', () => {
  it('fails with responseTooLarge past the maximum text length', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { maxTextLength: 1000 });
    for (let i = 0; i < 30; i++)
      sse.data({ ...task, delta: { text: 'x'.repeat(30), reasoningContent: 'y'.repeat(10) } });
    const error = await errorOf(stream.text());
    expect(error.rawCode).toBe('responseTooLarge');
    expect(error.retryable).toBe(false);
  });

  it('bounds an event that never ends (no newline) as well', async () => {
    const sse = sseBody();
    const stream = createTextStream(sse.body, task, undefined, { maxTextLength: 1000 });
    sse.write('data: {"delta":{"text":"');
    for (let i = 0; i < 100; i++) sse.write('z'.repeat(1000));
    const error = await errorOf(stream.text());
    expect(error.rawCode).toBe('responseTooLarge');
  });
});
