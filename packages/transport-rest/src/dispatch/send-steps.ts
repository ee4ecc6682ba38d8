import type { SendOptionsV1, TaskPayload, TransportResultV1 } from '@runware/core';
import {
  abortableDelay,
  type ErrorContext,
  fetchWithTimeout,
  isRetryableStatus,
  neverSent,
  parseRetryAfter,
} from '@runware/core/transport-kit';
import { parseAnswer } from '../http/parse-response';
import type { RequestContext } from '../http/request-context';
import { requestHeaders } from '../http/request-headers';
import { failureError, interruption, parseError, tooLargeError } from '../http/rest-errors';

/** A step of `send()` that did not get a usable answer; each one uses up a retry. */
export type StepFailure =
  /** No answer; `neverSent` when no connection was made, so the server saw nothing. */
  | { kind: 'network'; cause: unknown; neverSent: boolean }
  | { kind: 'timeout' }
  /** An answer with a retryable status (408, 429, 5xx); `result` is returned if retries run out. */
  | { kind: 'status'; status: number; result: TransportResultV1; retryAfterMs: number | undefined };

export type StepAnswer = { result: TransportResultV1 } | { failure: StepFailure };

/** What the steps of one `send()` (submit, probe, poll) share: one POST with the call's budget, and an abortable wait. */
export interface SendSteps {
  /**
   * POSTs `tasks` within the per-attempt budget. Throws a RunwareError for an abort, a close, an
   * answer past `maxResponseSize` or an unparseable 2xx body; answers with a retryable status
   * come back as a failure.
   */
  post(tasks: readonly TaskPayload[], label: string): Promise<StepAnswer>;
  /** Waits, rejecting at once (with a RunwareError) on abort or close. */
  delay(ms: number): Promise<void>;
  /** The per-attempt budget of this call, in ms. */
  timeoutMs: number;
  /** How many POSTs this call has made so far. */
  posts(): number;
}

export function createSendSteps(
  ctx: RequestContext,
  context: ErrorContext,
  sendOptions: SendOptionsV1,
): SendSteps {
  const { options, log } = ctx;
  const { signal } = sendOptions;
  const timeoutMs = sendOptions.timeoutMs ?? options.timeout;
  const headers = requestHeaders(options, 'application/json');
  const url = options.httpBaseUrl;
  // What cuts every wait and request of this call: the caller's abort and the transport's close.
  const signals = [signal, ctx.closing];
  let posts = 0;
  /** A wait (for a slot, before a retry) that an abort or a close cut short fails the call. */
  const guard = <T>(wait: Promise<T>) =>
    wait.catch((reason) => {
      throw failureError(interruption(signal, reason), context, ctx, timeoutMs);
    });
  return {
    timeoutMs,
    posts: () => posts,
    async post(payload, label) {
      const body = JSON.stringify(payload);
      const release = await guard(ctx.slots.acquire(signals));
      posts += 1;
      log('request', `POST ${url}: ${label}`, { attempt: posts, tasks: payload.length });
      // The whole body is read before the slot is freed: the connection is idle again by then.
      const outcome = await fetchWithTimeout(
        ctx.fetch,
        url,
        { method: 'POST', headers, body },
        { timeoutMs, signals, maxBytes: options.maxResponseSize },
      ).finally(release);
      if (outcome.kind === 'answer') {
        const { status } = outcome;
        const parsed = parseAnswer(status, outcome.statusText, outcome.text);
        if (!parsed.ok) throw parseError(context, status, parsed.cause);
        if (!isRetryableStatus(status)) return parsed;
        const retryAfterMs = parseRetryAfter(outcome.headers.get('retry-after'));
        return { failure: { kind: 'status', status, result: parsed.result, retryAfterMs } };
      }
      if (outcome.kind === 'timeout') return { failure: outcome };
      if (outcome.kind === 'network') return { failure: { ...outcome, neverSent: neverSent(outcome.cause) } };
      throw outcome.kind === 'tooLarge'
        ? tooLargeError(context, outcome.status, outcome.body)
        : failureError(outcome, context, ctx, timeoutMs);
    },
    delay: (ms) => guard(abortableDelay(ms, signals)),
  };
}
