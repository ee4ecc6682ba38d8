import type { RunwareError } from '../errors/runware-error';
import type { ResultItem, TaskPayload } from '../spec/task';
import { itemError } from '../transport-kit/result-items';
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
  /** Item indexes already reported to onResult (made on the first; most tasks wait with none). */
  reported?: Set<number> | undefined;
  /** Last progress seen per item index. */
  progress?: Map<number, number> | undefined;
  settle(outcome: { items: ResultItem[] } | { error: RunwareError }): void;
}

const statusOf = (item: ResultItem) =>
  typeof item.status === 'string' ? item.status : item.error ? 'error' : 'success';

/**
 * Applies one full-state poll answer to a pending task: reports progress changes and newly
 * terminal items (once each, by index), then settles the task when it is decided. A failed item
 * settles the task only once every item is terminal, so every success is reported before the
 * rejection (nothing is lost).
 */
export function applyState(
  pending: PendingTask,
  items: readonly ResultItem[],
  call: (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) => void,
): boolean {
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
      { modelSlug: pending.modelSlug },
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
