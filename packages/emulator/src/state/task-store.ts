import type { ApiErrorItem } from '../api-error';
import type { Transport } from './stats';

/** One result slot of a task; the array of slots keeps its order for the task's whole life. */
export type Slot =
  | { state: 'processing'; progress?: number }
  | { state: 'success'; item: Record<string, unknown> }
  | { state: 'error'; error: { code: string; message: string } };

export interface TaskRecord {
  taskUUID: string;
  taskType: string;
  apiKey: string;
  transport: Transport;
  /** The task object as received (for getTaskDetails). */
  request: Record<string, unknown>;
  slots: Slot[];
  createdAt: number;
  finishedAt?: number;
  /** Called with a slot index whenever that slot changes (progress or terminal). */
  listeners: Set<(index: number) => void>;
}

export type Lookup = { found: TaskRecord } | { missing: 'notFound' | 'expired' };

export interface TaskStore {
  /** Registers a task; false when its taskUUID is taken (live or recently expired). */
  add(record: TaskRecord): boolean;
  lookup(taskUUID: string, apiKey: string): Lookup;
  update(record: TaskRecord, index: number, slot: Slot): void;
  isDone(record: TaskRecord): boolean;
  /** Drops finished tasks older than the TTL; remembers their ids as expired. */
  sweep(now: number): void;
  size(): number;
  clear(): void;
}

/** Bound on remembered expired ids: enough to tell "expired" from "never existed" for a while. */
const tombstoneCapacity = 50_000;

export function createTaskStore(resultTtlMs: number): TaskStore {
  const tasks = new Map<string, TaskRecord>();
  const tombstones = new Set<string>();
  const isDone = (record: TaskRecord) => record.slots.every((slot) => slot.state !== 'processing');
  return {
    add(record) {
      if (tasks.has(record.taskUUID) || tombstones.has(record.taskUUID)) return false;
      tasks.set(record.taskUUID, record);
      return true;
    },
    lookup(taskUUID, apiKey) {
      const record = tasks.get(taskUUID);
      // Another key's task is reported as absent: ids must not leak across accounts.
      if (record && record.apiKey === apiKey) return { found: record };
      return { missing: tombstones.has(taskUUID) ? 'expired' : 'notFound' };
    },
    update(record, index, slot) {
      record.slots[index] = slot;
      if (record.finishedAt === undefined && isDone(record)) record.finishedAt = Date.now();
      for (const listener of record.listeners) listener(index);
    },
    isDone,
    sweep(now) {
      for (const [id, record] of tasks) {
        if (record.finishedAt !== undefined && now - record.finishedAt > resultTtlMs) {
          tasks.delete(id);
          tombstones.add(id);
        }
      }
      if (tombstones.size > tombstoneCapacity) {
        const excess = tombstones.size - tombstoneCapacity;
        let dropped = 0;
        for (const id of tombstones) {
          if (dropped++ >= excess) break;
          tombstones.delete(id);
        }
      }
    },
    size: () => tasks.size,
    clear() {
      tasks.clear();
      tombstones.clear();
    },
  };
}

export type { ApiErrorItem };
