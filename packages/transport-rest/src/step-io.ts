import type { SendOptionsV1, TaskPayload, TransportResultV1 } from '@runware/core';
import type { CloseSignal } from './close-signal';
import { abortableDelay } from './combine-signals';
import { postOnce } from './http-attempt';
import type { FetchLike } from './keep-alive-fetch';
import type { ResolvedOptions, RestLogger } from './options';
import { parseAnswer } from './parse-response';
import { requestHeaders } from './request-headers';
import { parseRetryAfter } from './retry-after';
import { isRetryableStatus } from './retry-policy';
import { abortedError, closedError, type ErrorContext, parseError } from './transport-errors';

/** A step of `send()` that did not get a usable answer; each one uses up a retry. */
export type StepFailure =
  /** No answer; `neverSent` when no connection was made, so the server saw nothing. */
  | { kind: 'network'; cause: unknown; neverSent: boolean }
  | { kind: 'timeout' }
  /** An answer with a retryable status (408, 429, 5xx); `result` is returned if retries run out. */
  | { kind: 'status'; status: number; result: TransportResultV1; retryAfterMs: number | undefined };

export type StepAnswer = { result: TransportResultV1 } | { failure: StepFailure };

/** What the steps of one `send()` share: one POST with the call's budget, and an abortable wait. */
export interface StepIO {
  /**
   * POSTs `tasks` within the per-attempt budget. Throws a RunwareError for an abort, a close or an
   * unparseable 2xx body; answers with a retryable status come back as a failure.
   */
  post(tasks: readonly TaskPayload[], label: string): Promise<StepAnswer>;
  /** Waits, rejecting at once (with a RunwareError) on abort or close. */
  delay(ms: number): Promise<void>;
  /** The per-attempt budget of this call, in ms. */
  timeoutMs: number;
  /** How many POSTs this call has made so far. */
  posts(): number;
}

export interface TransportContext {
  options: ResolvedOptions;
  fetch: FetchLike;
  /** Closed by `close()`; a notifier, not an AbortSignal, so requests add no listener to it. */
  closing: CloseSignal;
  log: RestLogger;
  redact: (text: string) => string;
  /** The API's origin, for error messages (never the key, never a path). */
  origin: string;
}

export function createStepIO(
  ctx: TransportContext,
  context: ErrorContext,
  sendOptions: SendOptionsV1,
): StepIO {
  const { options, log, closing } = ctx;
  const { signal } = sendOptions;
  const timeoutMs = sendOptions.timeoutMs ?? options.timeoutMs;
  const headers = requestHeaders({
    apiKey: options.apiKey,
    userAgent: options.userAgent,
    accept: 'application/json',
  });
  let posts = 0;
  return {
    timeoutMs,
    posts: () => posts,
    async post(payload, label) {
      posts += 1;
      log('request', `POST ${options.baseUrl}: ${label}`, { attempt: posts, tasks: payload.length });
      const outcome = await postOnce({
        fetch: ctx.fetch,
        url: options.baseUrl,
        headers,
        body: JSON.stringify(payload),
        timeoutMs,
        signal,
        closing,
      });
      if (outcome.kind === 'aborted') throw abortedError(context, outcome.reason);
      if (outcome.kind === 'closed') throw closedError(context);
      if (outcome.kind !== 'answer') return { failure: outcome };
      const parsed = parseAnswer(outcome.status, outcome.statusText, outcome.text);
      if (!parsed.ok) throw parseError(context, outcome.status, parsed.cause);
      if (!isRetryableStatus(outcome.status)) return { result: parsed.result };
      const retryAfterMs = parseRetryAfter(outcome.retryAfter);
      return { failure: { kind: 'status', status: outcome.status, result: parsed.result, retryAfterMs } };
    },
    async delay(ms) {
      try {
        await abortableDelay(ms, [signal, closing]);
      } catch (reason) {
        throw signal?.aborted ? abortedError(context, reason) : closedError(context);
      }
    },
  };
}
