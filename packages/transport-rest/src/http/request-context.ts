import type { CloseSignal, FetchLike, SafeLog } from '@runware/core/transport-kit';
import type { LogCategory, ResolvedOptions } from '../options';
import type { RequestSlots } from './request-slots';

/** What every request of one transport shares: its options, its fetch, its close and its log. */
export interface RequestContext {
  options: ResolvedOptions;
  fetch: FetchLike;
  /** At most `maxConnections` requests in flight: each takes a slot before its fetch. */
  slots: RequestSlots;
  /** Closed by `close()`; a notifier, not an AbortSignal, so requests add no listener to it. */
  closing: CloseSignal;
  /** The caller's log, made safe: it never throws and shows the key as `***`. */
  log: SafeLog<LogCategory>;
  /** Hidden (`***`) in every error message that quotes text from elsewhere: the API key. */
  secrets: readonly string[];
}
