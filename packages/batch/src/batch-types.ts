import type { RunwareErrorCode } from '@runware/core';

/** One task of a batch: the params `run()` takes (a `taskUUID` in them is replaced by the batch's). */
export type BatchTaskParams = Record<string, unknown> & { model?: unknown; taskType?: unknown };

/**
 * What the batch needs of a client: `run()` and `getResponse()`, as `createClient()` from
 * `@runware/sdk` returns them.
 */
export interface BatchClient {
  run(params: never, options?: { signal?: AbortSignal | undefined }): Promise<unknown[]>;
  getResponse(
    params: { taskUUID: string },
    options?: { signal?: AbortSignal | undefined },
  ): Promise<unknown[]>;
}

/** A task's end: its result items, or the error that stopped it (never resent). */
export type TaskOutcome =
  | { status: 'done'; items: Record<string, unknown>[]; recovered: boolean }
  | {
      status: 'failed';
      code: RunwareErrorCode | 'invalidInput';
      rawCode: string;
      message: string;
      items?: Record<string, unknown>[];
    };

/** What `onResult` receives for every task that reaches an end in this run. */
export type BatchResult = TaskOutcome & {
  /** The task's position: 0-based in the iterable, or the 1-based line of a JSONL file. */
  index: number;
  taskUUID: string;
  /** Sum of the items' `cost` (the batch asks for `includeCost` unless the task says otherwise). */
  cost: number;
};

export interface BatchProgress {
  done: number;
  failed: number;
  skipped: number;
  /** Tasks sent (or being recovered) and not yet finished. */
  inFlight: number;
  /** How many may be in flight now: lowered on rate limits, grown back on success (AIMD). */
  concurrency: number;
  cost: number;
  elapsedMs: number;
  /** Tasks the input has yielded so far (the total when `inputDone`). */
  seen: number;
  inputDone: boolean;
}

export interface BatchSummary {
  done: number;
  failed: number;
  /** Failures by RunwareError code (`validation`, `safety`, …). */
  failedByCode: Record<string, number>;
  /** Bad inputs (not JSON, no model) and tasks a resumed journal had already finished. */
  skipped: number;
  /** Inputs that were not tasks: not JSON, not an object, no model (included in `skipped`). */
  invalid: number;
  /** Tasks finished in an earlier run of the same journal (included in `skipped`). */
  alreadyFinished: number;
  /** Tasks recovered with getResponse instead of being sent again. */
  recovered: number;
  cost: number;
  elapsedMs: number;
  /** Why the batch stopped early: `aborted` (signal) or a code that fails every task (`auth`, `quota`). */
  stopped?: 'aborted' | 'auth' | 'quota' | undefined;
}
