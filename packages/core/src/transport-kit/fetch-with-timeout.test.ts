import { describe, expect, it } from 'vitest';
import { createCloseNotifier } from './close-signal';
import { type FetchLike, fetchWithTimeout } from './fetch-with-timeout';

/** A fetch that never answers and ignores its signal, as a broken injected fetch may. */
const deaf: FetchLike = () => new Promise<Response>(() => {});
const answering: FetchLike = async () => new Response('{"ok":true}', { status: 201, statusText: 'Created' });

describe('fetchWithTimeout', () => {
  it('returns the whole answer', async () => {
    const outcome = await fetchWithTimeout(
      answering,
      'https://x.test',
      { method: 'GET' },
      { timeoutMs: 1000 },
    );
    expect(outcome).toMatchObject({
      kind: 'answer',
      status: 201,
      statusText: 'Created',
      text: '{"ok":true}',
    });
  });

  it('times out even when the fetch ignores its signal', async () => {
    const outcome = await fetchWithTimeout(deaf, 'https://x.test', {}, { timeoutMs: 20 });
    expect(outcome).toEqual({ kind: 'timeout' });
  });

  it('times out a body that never ends', async () => {
    const endless: FetchLike = async () => new Response(new ReadableStream({ pull() {} }));
    expect(await fetchWithTimeout(endless, 'https://x.test', {}, { timeoutMs: 20 })).toEqual({
      kind: 'timeout',
    });
  });

  it('says aborted for the caller signal and closed for a close notifier, before the timeout', async () => {
    const controller = new AbortController();
    const pending = fetchWithTimeout(
      deaf,
      'https://x.test',
      {},
      { timeoutMs: 5000, signals: [controller.signal] },
    );
    controller.abort('stop');
    expect(await pending).toEqual({ kind: 'aborted', reason: 'stop' });
    const closing = createCloseNotifier();
    const closed = fetchWithTimeout(deaf, 'https://x.test', {}, { timeoutMs: 5000, signals: [closing] });
    closing.close();
    expect(await closed).toEqual({ kind: 'closed' });
  });

  it('reports a network failure with its cause', async () => {
    const cause = new TypeError('fetch failed');
    const failing: FetchLike = async () => {
      throw cause;
    };
    expect(await fetchWithTimeout(failing, 'https://x.test', {})).toEqual({ kind: 'network', cause });
  });
});
