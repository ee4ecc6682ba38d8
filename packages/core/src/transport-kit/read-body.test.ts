import { describe, expect, it } from 'vitest';
import { fetchWithTimeout } from './fetch-with-timeout';
import { BodyTooLarge, limitStream, readText } from './read-body';

/** A body of `chunks` chunks of `size` bytes each (endless when `chunks` is Infinity). */
function body(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe('readText', () => {
  it('reads a body within the limit as text', async () => {
    expect(await readText(new Response(body(3, 4)), 12)).toEqual({ text: 'a'.repeat(12) });
  });

  it('stops an endless body just past the limit', async () => {
    const result = await readText(new Response(body(Number.POSITIVE_INFINITY, 1024)), 10_000);
    expect(result).toBeInstanceOf(BodyTooLarge);
    expect((result as BodyTooLarge).read).toBeLessThanOrEqual(10_000 + 1024);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const response = new Response(body(1, 10), { headers: { 'content-length': '999999' } });
    expect(await readText(response, 100)).toMatchObject({ read: 0, declared: 999_999 });
  });
});

describe('limitStream', () => {
  it('fails the read past the limit with BodyTooLarge', async () => {
    const reading = new Response(limitStream(body(Number.POSITIVE_INFINITY, 512), 2048)).text();
    await expect(reading).rejects.toBeInstanceOf(BodyTooLarge);
  });
});

describe('fetchWithTimeout with maxBytes', () => {
  it('answers tooLarge for an endless body, and the whole text within the limit', async () => {
    const endless: typeof fetch = async () => new Response(body(Number.POSITIVE_INFINITY, 4096));
    const outcome = await fetchWithTimeout(endless, 'http://x/', {}, { maxBytes: 65_536 });
    expect(outcome).toMatchObject({ kind: 'tooLarge', status: 200 });
    const small: typeof fetch = async () => new Response('{"data":[]}');
    expect(await fetchWithTimeout(small, 'http://x/', {}, { maxBytes: 100 })).toMatchObject({
      kind: 'answer',
      text: '{"data":[]}',
    });
  });
});
