import type { ResultItem } from '../spec/task';

/**
 * What `onResult` receives: a result item (typed like those `run()` resolves with) plus the state
 * the API gives it, or, for a failed slot, an error item of the same task. It is a `ResultItem`
 * too, so callbacks written for untyped items (collecting into a `ResultItem[]`) keep compiling.
 */
export type SettledItem<R> = R extends unknown ? R & ItemState & ResultItem : never;

/** The state fields of a settled item, beside its result fields. */
export interface ItemState {
  /** `success`, or `error` for a failed item; absent when the answer carries no state (sync). */
  status?: 'success' | 'error' | undefined;
  /** Why the item failed (error items). */
  error?: { code?: string; message?: string } | undefined;
}

/**
 * Per-call options of `run()` and the utility calls. `R` is the type of one result item: the
 * model's result type for a curated model or a schema generic, else `ResultItem`.
 */
export interface RunOptions<R = ResultItem> {
  /** Cancels the call: it rejects with code `aborted` and sends nothing more for its tasks. */
  signal?: AbortSignal | undefined;
  /** ms. For async tasks the end-to-end budget (overrides pollTimeout); for sync, per request. */
  timeout?: number | undefined;
  /**
   * Fires once per item when it reaches success or error, typed like the items `run()` resolves
   * with; error items (`status: 'error'`) fire before the call rejects.
   */
  onResult?: ((item: SettledItem<R>) => unknown) | undefined;
  /** Fires when an item's `progress` (0–100) changes; the item is still in progress. */
  onProgress?: ((item: ResultItem) => unknown) | undefined;
  /** Overrides `config.validate` for this call, both ways. */
  validate?: boolean | undefined;
}

/** Per-call options of `stream()`. */
export interface StreamOptions {
  /** Cancels the stream: the iterables end, and a RunwareError with code `aborted` is thrown where one is due. */
  signal?: AbortSignal | undefined;
  /** ms until the stream must have started; none by default. */
  timeout?: number | undefined;
  /** Overrides `config.validate` for this call, both ways. */
  validate?: boolean | undefined;
}
