import { describe, expect, it } from 'vitest';
import type { RunwareError } from '../errors/runware-error';
import type { ResultItem } from '../spec/task';
import { applyState, isStateItem, type PendingTask } from './pending-task';

const task = { taskType: 'imageInference', taskUUID: 't1' };

function pendingTask(expected = 1) {
  const outcomes: ({ items: ResultItem[] } | { error: RunwareError })[] = [];
  const results: ResultItem[] = [];
  const pending: PendingTask = {
    task,
    expected,
    submittedAt: 0,
    deadline: 1000,
    callbacks: { onResult: (item) => void results.push(item) },
    settle: (outcome) => void outcomes.push(outcome),
  };
  const apply = (items: ResultItem[]) => applyState(pending, items, (fn, item) => void fn?.(item));
  return { pending, outcomes, results, apply };
}

const success = (extra: Partial<ResultItem> = {}): ResultItem => ({
  ...task,
  status: 'success',
  imageURL: 'u',
  ...extra,
});

describe('isStateItem', () => {
  it('takes items with a status, or a failed slot with an error object, of the task’s taskType', () => {
    expect(isStateItem(task, success())).toBe(true);
    expect(isStateItem(task, { ...task, error: { code: 'x', message: 'y' } })).toBe(true);
    expect(isStateItem(task, { ...task })).toBe(false);
    expect(isStateItem(task, { ...task, imageURL: 'u' })).toBe(false);
    expect(isStateItem(task, { ...task, taskType: 'videoInference', status: 'success' })).toBe(false);
  });
});

describe('applyState', () => {
  it('ignores a late ACK: no result, no settle', () => {
    const t = pendingTask();
    expect(t.apply([{ ...task }])).toBe(false);
    expect(t.outcomes).toEqual([]);
    expect(t.results).toEqual([]);
  });

  it('ignores an item of another taskType for the same taskUUID', () => {
    const t = pendingTask();
    expect(t.apply([{ taskType: 'videoInference', taskUUID: 't1', status: 'success', videoURL: 'v' }])).toBe(
      false,
    );
    expect(t.outcomes).toEqual([]);
    expect(t.results).toEqual([]);
  });

  it('indexes state items only, so an ACK before them shifts nothing', () => {
    const t = pendingTask(2);
    t.apply([success({ imageURL: 'a' }), { ...task, status: 'processing' }]);
    t.apply([{ ...task }, success({ imageURL: 'a' }), success({ imageURL: 'b' })]);
    expect(t.results.map((item) => item.imageURL)).toEqual(['a', 'b']);
    expect(t.outcomes).toEqual([{ items: [success({ imageURL: 'a' }), success({ imageURL: 'b' })] }]);
  });

  it('still fails on an error item without a status', () => {
    const t = pendingTask();
    expect(t.apply([{ ...task, error: { code: 'inferenceError', message: 'boom' } }])).toBe(true);
    expect((t.outcomes[0] as { error: RunwareError }).error.message).toBe('boom');
  });
});
