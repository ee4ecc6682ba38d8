import type { ResultItem } from '../spec/task';

/** Per-call options of `run()` and the utility calls. */
export interface RunOptions {
  /** Cancels the call: it rejects with code `aborted` and sends nothing more for its tasks. */
  signal?: AbortSignal;
  /** ms. For async tasks the end-to-end budget (overrides pollTimeout); for sync, per request. */
  timeout?: number;
  /** Fires once per item when it reaches success or error; error items fire before the rejection. */
  onResult?: (item: ResultItem) => unknown;
  /** Fires when an item's `progress` (0–100) changes. */
  onProgress?: (item: ResultItem) => unknown;
  /** Overrides `config.validate` for this call, both ways. */
  validate?: boolean;
}

/** Per-call options of `stream()`. */
export interface StreamOptions {
  signal?: AbortSignal;
  /** ms until the stream must have started; none by default. */
  timeout?: number;
  validate?: boolean;
}
