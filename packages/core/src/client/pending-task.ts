import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { ResultItem, TaskPayload } from '../spec/task';
import { itemError } from '../transport-kit/result-items';
import { exceedsDepth, maxItemDepth } from './item-depth';
import { mapApiError } from './map-api-error';

export interface ItemCallbacks {
  onResult?: ((item: ResultItem) => unknown) | undefined;
  onProgress?: ((item: ResultItem) => unknown) | undefined;
}

/** One async task waiting for its results, with what its callbacks have already seen. */
export interface PendingTask {
  task: TaskPayload;
  expected: number;
  submittedAt: number;
  deadline: number;
  callbacks: ItemCallbacks;
  modelSlug?: string | undefined;
  /** The model's docs URL from `/resolve`, when validation fetched it. */
  docsUrl?: string | undefined;
  /** Item indexes already reported to onResult (made on the first; most tasks wait with none). */
  reported?: Set<number> | undefined;
  /** Last progress seen per item index. */
  progress?: Map<number, number> | undefined;
  settle(outcome: { items: ResultItem[] } | { error: RunwareError }): void;
}

const statusOf = (item: ResultItem) => (typeof item.status === 'string' ? item.status : 'error');

/**
 * Whether a poll answer item tells the state of one of `task`'s result slots. getResponse items
 * carry `status` (PROTOCOL.md §5.2); one without (a late ACK, `{taskType, taskUUID}`) says
 * nothing, and one of another taskType is not this task's. Counting either as a result would
 * settle the task with no output. An item with no status but an `error` object is kept: it is a
 * failed slot.
 */
export function isStateItem(task: TaskPayload, item: ResultItem): boolean {
  if (item.taskType !== undefined && item.taskType !== task.taskType) return false;
  if (typeof item.status === 'string') return true;
  return typeof item.error === 'object' && item.error !== null;
}

/**
 * Applies one full-state poll answer to a pending task (only its state items, see `isStateItem`):
 * reports progress changes and newly terminal items (once each, by index), then settles the task
 * when it is decided. A failed item
 * settles the task only once every item is terminal, so every success is reported before the
 * rejection (nothing is lost).
 */
export function applyState(
  pending: PendingTask,
  answer: readonly ResultItem[],
  call: (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) => void,
): boolean {
  // Indexes count state items only, so an ignored item that comes and goes shifts none.
  const items = answer.filter((item) => isStateItem(pending.task, item));
  if (items.some((item) => exceedsDepth(item))) {
    // Handed on, it would crash whatever walks it recursively (a stack overflow): fail instead.
    pending.settle({
      error: createRunwareError(
        'responseTooDeep',
        `A result of task ${pending.task.taskUUID} is nested more than ${maxItemDepth} levels deep; it was not handed on.`,
        {
          taskType: pending.task.taskType,
          taskUUID: pending.task.taskUUID,
          modelSlug: pending.modelSlug,
          docsUrl: pending.docsUrl,
        },
      ),
    });
    return true;
  }
  items.forEach((item, index) => {
    const status = statusOf(item);
    if (status === 'processing' || status === 'pending') {
      if (typeof item.progress === 'number' && pending.progress?.get(index) !== item.progress) {
        pending.progress ??= new Map();
        pending.progress.set(index, item.progress);
        call(pending.callbacks.onProgress, item);
      }
    } else if (!pending.reported?.has(index)) {
      pending.reported ??= new Set();
      pending.reported.add(index);
      call(pending.callbacks.onResult, item);
    }
  });
  const statuses = items.map(statusOf);
  const successes = items.filter((_, i) => statuses[i] === 'success');
  const failed = items.find((_, i) => statuses[i] === 'error');
  const allTerminal =
    items.length >= pending.expected && statuses.every((s) => s === 'success' || s === 'error');
  if (failed && allTerminal) {
    const raw = itemError(failed);
    const error = mapApiError(
      { ...raw, taskUUID: pending.task.taskUUID, taskType: pending.task.taskType },
      pending.task,
      { modelSlug: pending.modelSlug, docsUrl: pending.docsUrl },
    );
    pending.settle({ error });
    return true;
  }
  if (!failed && successes.length >= pending.expected) {
    pending.settle({ items: successes.slice(0, pending.expected) });
    return true;
  }
  return false;
}
