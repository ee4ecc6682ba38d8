import type { ResultItem, TaskPayload } from '../../spec/task';
import type { TransportResultV1 } from '../../spec/transport-v1';
import { assert, assertDeepEqual, assertEqual, show } from '../assertions';
import { itemsOf, resultCount } from '../task-fixtures';

/** Checks that a sync task's answer holds exactly its results, each a distinct finished image. */
export function assertSyncResults(data: readonly ResultItem[], task: TaskPayload, what: string): void {
  const items = itemsOf(data, task);
  assertEqual(items.length, resultCount(task), `${what}: result items for task ${task.taskUUID}`);
  for (const item of items) {
    assertEqual(item.taskType, task.taskType, `${what}: taskType of a result item`);
    assert(
      typeof item.imageURL === 'string' && item.imageURL !== '',
      `${what}: expected a result item with an imageURL, got ${show(item)}`,
    );
  }
  assertDistinct(items, what);
}

/** Each item once: a duplicated frame or a replay must not show up twice. */
export function assertDistinct(items: readonly ResultItem[], what: string): void {
  const keys = new Set(items.map((item) => JSON.stringify(item)));
  assertEqual(keys.size, items.length, `${what}: distinct result items (no duplicates)`);
}

/**
 * Checks one send's whole answer: no errors, nothing of other tasks, and per task exactly its
 * results (sync) or exactly one acknowledgement (async).
 */
export function assertExactAnswer(
  result: TransportResultV1,
  tasks: readonly TaskPayload[],
  what: string,
): void {
  assertDeepEqual(result.errors, [], `${what}: errors`);
  const own = new Set(tasks.map((task) => task.taskUUID));
  const foreign = result.data.filter((item) => !own.has(item.taskUUID));
  assert(foreign.length === 0, `${what}: got items of other tasks: ${show(foreign)}`);
  for (const task of tasks) {
    if (task.deliveryMethod === 'async')
      assertEqual(itemsOf(result.data, task).length, 1, `${what}: acknowledgements of ${task.taskUUID}`);
    else assertSyncResults(result.data, task, what);
  }
}

/** Checks what a push transport passed to `onItem`: exactly the sync tasks' results, each once. */
export function assertPushedOnce(
  pushed: readonly ResultItem[],
  tasks: readonly TaskPayload[],
  what: string,
): void {
  for (const task of tasks) {
    const items = itemsOf(pushed, task);
    const expected = task.deliveryMethod === 'async' ? 0 : resultCount(task);
    assertEqual(items.length, expected, `${what}: onItem calls for ${task.taskUUID}`);
    assertDistinct(items, `${what} (onItem)`);
  }
}
