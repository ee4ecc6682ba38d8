import type { FinishStatus, JournalState } from './batch-journal';
import { createIndexSet } from './index-set';

/** One journal line. Short keys: a batch of 200,000 tasks writes 400,000 of them. */
export type JournalRecord = { t: 'a'; i: number; u: string; f: number } | { t: 'd' | 'f' | 's'; i: number };

export const finishTag: Record<FinishStatus, 'd' | 'f' | 's'> = { done: 'd', failed: 'f', skipped: 's' };

/** Builds the state a journal's records describe, one record at a time (the file is streamed). */
export function createJournalReplay() {
  const finished = createIndexSet();
  const assigned = new Map<number, { taskUUID: string; fingerprint: number }>();
  const state: JournalState = {
    isFinished: (index) => finished.has(index),
    assigned: (index) => assigned.get(index),
    get finished() {
      return finished.size;
    },
    get unfinished() {
      return assigned.size;
    },
  };
  return {
    state,
    apply(record: JournalRecord): void {
      if (record.t === 'a') {
        if (!finished.has(record.i)) assigned.set(record.i, { taskUUID: record.u, fingerprint: record.f });
      } else {
        finished.add(record.i);
        assigned.delete(record.i);
      }
    },
    /** For the in-memory journal: the same transitions without a file. */
    record(index: number, status: FinishStatus | { taskUUID: string; fingerprint: number }): void {
      if (typeof status === 'string') this.apply({ t: finishTag[status], i: index });
      else this.apply({ t: 'a', i: index, u: status.taskUUID, f: status.fingerprint });
    },
  };
}

/** Parses one line; a line that is not a journal record (a torn write) yields undefined. */
export function parseJournalLine(line: string): JournalRecord | undefined {
  if (line === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<JournalRecord> & { u?: unknown; f?: unknown };
    if (typeof value.i !== 'number' || !Number.isInteger(value.i) || value.i < 0) return undefined;
    if (value.t === 'a')
      return typeof value.u === 'string' && typeof value.f === 'number'
        ? { t: 'a', i: value.i, u: value.u, f: value.f }
        : undefined;
    if (value.t === 'd' || value.t === 'f' || value.t === 's') return { t: value.t, i: value.i };
    return undefined;
  } catch {
    return undefined;
  }
}
