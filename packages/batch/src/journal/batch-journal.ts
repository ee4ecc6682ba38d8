/**
 * Where a batch records, before sending a task, the taskUUID it gave it, and afterwards that the task
 * reached an end. With it a batch run again after a crash skips finished tasks and asks the service
 * about the others by taskUUID instead of paying for them again.
 *
 * Record life of one task (its index is its position in the input):
 *
 *   (none) ──assign──▶ assigned ──finish──▶ done | failed | skipped
 *
 * `assigned` means "may have been sent": on resume it is recovered with getResponse, and sent again
 * (with the same taskUUID) only when the service answers taskNotFound.
 */
export interface BatchJournal {
  /** Replays what earlier runs recorded. Called once, before anything is appended. */
  load(): Promise<JournalState>;
  /** Records the taskUUID of a task about to be sent; resolves once the record is durable. */
  assign(index: number, taskUUID: string, fingerprint: number): Promise<void>;
  /** Records a task's end; durable by the next `flush()` (losing it costs one getResponse on resume). */
  finish(index: number, status: FinishStatus): void;
  /** Resolves when everything appended so far is durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type FinishStatus = 'done' | 'failed' | 'skipped';

/** What a journal knew when it was loaded. */
export interface JournalState {
  /** Whether the task at this index reached an end in an earlier run. */
  isFinished(index: number): boolean;
  /** The taskUUID (and params fingerprint) given to a task that was assigned but did not finish. */
  assigned(index: number): { taskUUID: string; fingerprint: number } | undefined;
  /** How many tasks had finished. */
  readonly finished: number;
  /** How many were assigned and not finished (to recover). */
  readonly unfinished: number;
}
