import { describe, expect, it } from 'vitest';
import type { TaskPayload } from '../spec/task';
import {
  ackItem,
  answersWithAck,
  expectedItems,
  groupByTask,
  isAckItem,
  isErrorItem,
  isIdempotentTask,
  isRunningItem,
  itemError,
} from './result-items';

const task = (fields: Partial<TaskPayload>): TaskPayload => ({
  taskType: 'imageInference',
  taskUUID: 'u',
  ...fields,
});

describe('result-item rules', () => {
  it('counts numberResults, and promptVersions for promptEnhance only', () => {
    expect(expectedItems(task({ numberResults: 3 }))).toBe(3);
    expect(expectedItems(task({}))).toBe(1);
    expect(expectedItems(task({ numberResults: 0 }))).toBe(1);
    expect(expectedItems(task({ numberResults: 2.5 }))).toBe(1);
    expect(expectedItems(task({ numberResults: '3' as never }))).toBe(1);
    expect(expectedItems(task({ taskType: 'promptEnhance', promptVersions: 4 }))).toBe(4);
    // numberResults means nothing to promptEnhance; one transport used to count it.
    expect(expectedItems(task({ taskType: 'promptEnhance', numberResults: 4 }))).toBe(1);
    expect(expectedItems(task({ promptVersions: 4 }))).toBe(1);
  });

  it('reads the error inside a failed item, defaulting the code to inferenceError', () => {
    const item = { taskType: 'imageInference', taskUUID: 'u', status: 'error' };
    expect(isErrorItem(item)).toBe(true);
    expect(itemError(item)).toEqual({
      code: 'inferenceError',
      message: 'A result of the task failed.',
      taskType: 'imageInference',
      taskUUID: 'u',
    });
    const coded = { ...item, error: { code: 'providerError', message: 'GPU fell over', parameter: 'seed' } };
    expect(itemError(coded)).toMatchObject({
      code: 'providerError',
      message: 'GPU fell over',
      parameter: 'seed',
    });
    expect(itemError({ ...item, error: { code: '' } }).code).toBe('inferenceError');
    expect(isErrorItem({ taskType: 't', taskUUID: 'u', error: { code: 'x' } })).toBe(true);
    expect(isErrorItem({ taskType: 't', taskUUID: 'u', status: 'success' })).toBe(false);
  });

  it('tells running slots, acknowledgements and idempotent reads apart', () => {
    expect(isRunningItem({ taskType: 't', taskUUID: 'u', status: 'processing' })).toBe(true);
    expect(isRunningItem({ taskType: 't', taskUUID: 'u', status: 'pending' })).toBe(true);
    expect(isRunningItem({ taskType: 't', taskUUID: 'u', status: 'success' })).toBe(false);
    const t = task({ deliveryMethod: 'async' });
    expect(answersWithAck(t)).toBe(true);
    expect(answersWithAck(task({ webhookURL: 'https://example.test/hook' }))).toBe(true);
    expect(answersWithAck(task({}))).toBe(false);
    expect(ackItem(t)).toEqual({ taskType: 'imageInference', taskUUID: 'u' });
    expect(isAckItem(ackItem(t))).toBe(true);
    expect(isAckItem({ taskType: 't', taskUUID: 'u', imageURL: 'x' })).toBe(false);
    expect(isAckItem({ taskType: 't', taskUUID: 'u', status: 'processing' })).toBe(false);
    expect(isIdempotentTask(task({ taskType: 'getResponse' }))).toBe(true);
    expect(isIdempotentTask(task({}))).toBe(false);
  });

  it('groups by taskUUID in arrival order and drops items without one', () => {
    const groups = groupByTask([
      { taskUUID: 'a', n: 1 },
      { taskUUID: 'b', n: 2 },
      { taskUUID: 'a', n: 3 },
      { taskUUID: 42, n: 4 },
      { n: 5 },
    ]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')?.map((item) => item.n)).toEqual([1, 3]);
  });
});
