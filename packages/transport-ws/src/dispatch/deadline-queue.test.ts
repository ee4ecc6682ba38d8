import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineQueue } from './deadline-queue';

describe('DeadlineQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires items in the order they were added, each durationMs after its add, with one timer', () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(100, (item) => expired.push(item));
    queue.add('a');
    vi.advanceTimersByTime(40);
    queue.add('b');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(60);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(39);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('restarts a deadline when an item is added again, and forgets deleted items', () => {
    const expired: string[] = [];
    let empties = 0;
    const queue = new DeadlineQueue<string>(
      100,
      (item) => expired.push(item),
      () => (empties += 1),
    );
    queue.add('a');
    queue.add('b');
    vi.advanceTimersByTime(50);
    queue.add('a');
    queue.delete('b');
    vi.advanceTimersByTime(60);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(expired).toEqual(['a']);
    expect(empties).toBe(1);
    queue.add('c');
    queue.delete('c');
    expect(empties).toBe(2);
    expect(queue.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clear() drops every deadline and its timer', () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(100, (item) => expired.push(item));
    queue.add('a');
    queue.clear();
    vi.advanceTimersByTime(500);
    expect(expired).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
