import { describe, expect, it } from 'vitest';
import { guardStream } from './guard-stream';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('guardStream', () => {
  it('passes the body through and ends once', async () => {
    let ends = 0;
    const body = new Response('hello world').body as ReadableStream<Uint8Array>;
    const guarded = guardStream(body, { toError: (cause) => cause, onEnd: () => (ends += 1) });
    expect(await new Response(guarded).text()).toBe('hello world');
    expect(ends).toBe(1);
  });

  it('turns a read failure into the given error, and ends', async () => {
    let ends = 0;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(bytes('part'));
        else controller.error(new TypeError('terminated'));
      },
    });
    const guarded = guardStream(body, { toError: () => new Error('mapped'), onEnd: () => (ends += 1) });
    const reader = guarded.getReader();
    await expect(reader.read()).resolves.toMatchObject({ done: false });
    await expect(reader.read()).rejects.toThrow('mapped');
    expect(ends).toBe(1);
  });

  it('ends and cancels the source when the consumer cancels', async () => {
    let ends = 0;
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>({
      pull() {},
      cancel(reason) {
        cancelled = reason;
      },
    });
    const guarded = guardStream(body, { toError: (cause) => cause, onEnd: () => (ends += 1) });
    await guarded.cancel('bye');
    expect(cancelled).toBe('bye');
    expect(ends).toBe(1);
  });
});
