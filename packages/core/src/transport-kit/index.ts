/**
 * `@runware/core/transport-kit`: what every implementation of the SDK's interfaces shares, so no
 * transport, registry or validator re-derives it: result-item rules, the one backoff, Retry-After,
 * retryable statuses, the safe log, error factories, the runtime check, option checks and a fetch
 * with a deadline. Edge-safe, like the rest of core.
 */
export { type BackoffOptions, backoffDelay, backoffJitter } from './backoff-delay';
export { type CloseNotifier, type CloseSignal, createCloseNotifier } from './close-signal';
export { type AbortInput, abortableDelay, type CombinedSignal, combineSignals } from './combine-signals';
export { describeCause, lowLevelCode } from './describe-cause';
export {
  type FetchAnswer,
  type FetchFailure,
  type FetchLike,
  type FetchOutcome,
  type FetchTooLarge,
  type FetchWithLimitOptions,
  type FetchWithTimeoutOptions,
  fetchWithTimeout,
} from './fetch-with-timeout';
export { type GuardStreamOptions, guardStream } from './guard-stream';
export { createOptionReader, type OptionReader } from './option-reader';
export { hasApiErrors, type ReadApiErrorsOptions, readApiErrors } from './read-api-errors';
export { BodyTooLarge, limitStream, readText } from './read-body';
export {
  ackItem,
  answersWithAck,
  defaultItemErrorCode,
  expectedItems,
  groupByTask,
  isAckItem,
  isErrorItem,
  isIdempotentTask,
  isRunningItem,
  itemError,
} from './result-items';
export { parseRetryAfter } from './retry-after';
export { isRetryableStatus, neverSent } from './retry-policy';
export { detectRuntime, isBrowserRuntime, isNodeRuntime, type Runtime } from './runtime';
export { createSafeLog, type SafeLog } from './safe-log';
export { abortedError, closedError, contextOf, type ErrorContext, timeoutError } from './transport-errors';
