import type { ResultItem } from '@runware/core';
import { describe, expect, it } from 'vitest';
import { errorKey, itemKey } from './dedupe-keys';
import { createRequestTable } from './request-table';

const base = { taskType: 'imageInference', taskUUID: 't1' };

describe('itemKey', () => {
  it('names a result by its media UUID: push, duplicate, replay and getResponse copy agree', () => {
    const pushed = { ...base, imageUUID: 'i1', imageURL: 'https://x/i1.jpg', seed: 42, cost: 0.01 };
    const replay = { cost: 0.01, seed: 42, imageURL: 'https://x/i1.jpg', imageUUID: 'i1', ...base };
    const polled = { ...pushed, status: 'success' };
    expect(new Set([pushed, { ...pushed }, replay, polled].map(itemKey)).size).toBe(1);
    expect(itemKey({ ...pushed, imageUUID: 'i2', imageURL: 'https://x/i2.jpg' })).not.toBe(itemKey(pushed));
  });

  it.each([
    ['videoUUID', 'videoInference'],
    ['audioUUID', 'audioInference'],
    ['mediaUUID', 'mediaStorage'],
    ['guideImageUUID', 'controlNetPreprocess'],
    ['maskImageUUID', 'imageMasking'],
  ])('uses %s as the identity of a %s result', (field, taskType) => {
    const item = { taskType, taskUUID: 't1', inputImageUUID: 'same-input', [field]: 'r1' };
    expect(itemKey(item)).toBe(itemKey({ ...item, status: 'success', extra: 1 }));
    expect(itemKey(item)).not.toBe(itemKey({ ...item, [field]: 'r2' }));
  });

  it('reads no field but the identity: a base64 payload is never serialised', () => {
    const reads: string[] = [];
    const item = new Proxy(
      { ...base, imageUUID: 'i1', imageBase64Data: 'A'.repeat(1_000_000), NSFWContent: false },
      {
        get(target, field, receiver) {
          if (typeof field === 'string') reads.push(field);
          return Reflect.get(target, field, receiver);
        },
      },
    ) as ResultItem;
    itemKey(item);
    expect(reads).not.toContain('imageBase64Data');
    expect(reads).not.toContain('NSFWContent');
  });

  it('falls back to resultIndex, then to the content when no identity field exists', () => {
    const indexed = { taskType: 'promptEnhance', taskUUID: 't1', text: 'a', resultIndex: 0 };
    expect(itemKey(indexed)).toBe(itemKey({ ...indexed, text: 'a', status: 'success' }));
    expect(itemKey(indexed)).not.toBe(itemKey({ ...indexed, resultIndex: 1 }));
    const text = { taskType: 'promptEnhance', taskUUID: 't1', text: 'one' };
    expect(itemKey(text)).toBe(
      itemKey({ text: 'one', status: 'success', taskUUID: 't1', taskType: 'promptEnhance' }),
    );
    expect(itemKey(text)).not.toBe(itemKey({ ...text, text: 'two' }));
    // No collision between an identity and a content key.
    expect(itemKey({ ...base, imageUUID: '' })).toMatch(/^\{/);
  });

  it('tells apart the steps of a status-carrying task (modelUpload) by content', () => {
    const step = { taskType: 'modelUpload', taskUUID: 't1', air: 'a:1@1', mediaUUID: 'm1' };
    const keys = ['validated', 'downloaded', 'ready'].map((status) => itemKey({ ...step, status }));
    expect(new Set(keys).size).toBe(3);
  });

  it('keys an item nested 200,000 levels deep without overflowing the stack', () => {
    let deep: Record<string, unknown> = {};
    const item = { taskType: 'imageInference', taskUUID: 't', imageURL: deep } as unknown as ResultItem;
    for (let i = 0; i < 200_000; i++) {
      const next: Record<string, unknown> = {};
      deep.x = next;
      deep = next;
    }
    expect(typeof itemKey(item)).toBe('string');
  });

  it('keys errors by code and message', () => {
    expect(errorKey({ code: 'a', message: 'b', taskUUID: 'x' })).toBe(errorKey({ code: 'a', message: 'b' }));
    expect(errorKey({ code: 'a', message: 'b' })).not.toBe(errorKey({ code: 'a', message: 'c' }));
  });
});

describe('exactly once through the request table', () => {
  it('counts a push, its duplicate frame, its resume replay and its getResponse copy once', () => {
    const table = createRequestTable({ ackTimeout: 1000, onAckLate: () => {}, log: () => {} });
    const delivered: ResultItem[] = [];
    const results: { data: ResultItem[] }[] = [];
    table.open([{ ...base, numberResults: 2 }], {
      onItem: (item) => void delivered.push(item),
      resolve: (answer) => void results.push(answer),
      reject: (error) => {
        throw error;
      },
    });
    const entry = table.submit('t1');
    if (!entry) throw new Error('no entry');
    const first = { ...base, imageUUID: 'i1', imageBase64Data: 'AAAA' };
    const copies = [
      first,
      { ...first },
      { imageBase64Data: 'AAAA', imageUUID: 'i1', ...base },
      { ...first, status: 'success' },
    ];
    expect(copies.map((item) => table.addResult(entry, item))).toEqual([true, false, false, false]);
    expect(entry.count).toBe(1);
    expect(table.addResult(entry, { ...base, imageUUID: 'i2', imageBase64Data: 'AAAA' })).toBe(true);
    expect(entry.count).toBe(2);
    table.finish(entry);
    expect(delivered.map((item) => item.imageUUID)).toEqual(['i1', 'i2']);
    expect(results.map((answer) => answer.data.map((item) => item.imageUUID))).toEqual([['i1', 'i2']]);
  });
});
