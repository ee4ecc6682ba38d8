import { createCloseNotifier } from '@runware/core/transport-kit';
import { describe, expect, it } from 'vitest';
import { createRequestSlots, type ReleaseSlot } from './request-slots';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Acquires in the background, recording the order in which slots are granted. */
function track(slots: ReturnType<typeof createRequestSlots>) {
  const granted: string[] = [];
  const take = (name: string, signals: Parameters<typeof slots.acquire>[0] = []) =>
    slots.acquire(signals).then((release) => {
      granted.push(name);
      return release;
    });
  return { granted, take };
}

describe('createRequestSlots', () => {
  it('grants up to the limit at once and queues the rest, first come first served', async () => {
    const slots = createRequestSlots(2);
    const { granted, take } = track(slots);
    const a = take('a');
    const b = take('b');
    const c = take('c');
    const d = take('d');
    await nextTask();
    expect(granted).toEqual(['a', 'b']);
    (await b)();
    await nextTask();
    expect(granted).toEqual(['a', 'b', 'c']);
    (await a)();
    (await c)();
    await nextTask();
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    (await d)();
  });

  it('frees a slot once, however often release is called', async () => {
    const slots = createRequestSlots(1);
    const { granted, take } = track(slots);
    const first = await take('first');
    const second = take('second');
    const third = take('third');
    first();
    first();
    await nextTask();
    expect(granted).toEqual(['first', 'second']);
    (await second)();
    await nextTask();
    expect(granted).toEqual(['first', 'second', 'third']);
    (await third)();
  });

  it('leaves the line at once on abort, and the slot goes to the next in line', async () => {
    const slots = createRequestSlots(1);
    const { granted, take } = track(slots);
    const first = await take('first');
    const controller = new AbortController();
    const aborted = take('aborted', [controller.signal]);
    const next = take('next');
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    first();
    await nextTask();
    expect(granted).toEqual(['first', 'next']);
    (await next)();
  });

  it('leaves the line when the transport closes, and refuses at once once closed or aborted', async () => {
    const slots = createRequestSlots(1);
    const closing = createCloseNotifier();
    const first = await slots.acquire([closing]);
    const waiting = slots.acquire([closing]);
    closing.close();
    await expect(waiting).rejects.toBeDefined();
    await expect(slots.acquire([closing])).rejects.toBeDefined();
    const controller = new AbortController();
    controller.abort('gone');
    await expect(slots.acquire([controller.signal])).rejects.toBe('gone');
    first();
  });

  it('has no limit with Infinity', async () => {
    const slots = createRequestSlots(Number.POSITIVE_INFINITY);
    const releases: ReleaseSlot[] = await Promise.all(Array.from({ length: 500 }, () => slots.acquire([])));
    expect(releases).toHaveLength(500);
  });
});
