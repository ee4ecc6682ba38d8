/**
 * A TransportV1 written from scratch on fetch. The client never holds the Runware API key: each
 * request body is signed (see request-signature.ts) and sent to a proxy that holds the key.
 */
import {
  createRunwareError,
  isRunwareError,
  type RawApiError,
  type ResultItem,
  type RunwareError,
  type SendOptionsV1,
  type TaskPayload,
  type TransportResultV1,
  type TransportV1,
} from '@runware/core';
// What every transport shares (retry rules, Retry-After, a fetch with a deadline, error factories)
// comes from the kit, so this transport behaves like the SDK's own where it is not special.
import {
  abortableDelay,
  abortedError,
  closedError,
  contextOf,
  type ErrorContext,
  type FetchFailure,
  fetchWithTimeout,
  guardStream,
  isIdempotentTask,
  isRetryableStatus,
  neverSent,
  parseRetryAfter,
  timeoutError,
} from '@runware/core/transport-kit';
import { askAbout, triage } from './lost-answers';
import { type Answer, parseAnswer } from './parse-answer';
import { createRequestSigner } from './request-signature';
import { mayHaveRun, retryDelay } from './retry-policy';

export interface SigningTransportOptions {
  /** The signing proxy's URL; requests are POSTed to exactly this URL. */
  proxyUrl: string;
  clientId: string;
  /** Shared with the proxy; signs requests, never sent. */
  secret: string;
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff delay in ms, doubled each retry, plus up to 30 % jitter (default 250). */
  retryDelayMs?: number;
  /** Cap of any wait, `Retry-After` included (default 5 000). */
  maxRetryDelayMs?: number;
  /** How often to ask about an accepted sync task whose answer was lost (default 500). */
  pollIntervalMs?: number;
}

/** No answer at all: `sent` unless the runtime says the connection was never made. */
type Lost = { lost: true; sent: boolean; cause: unknown };

const stillRunningBudgetMs = 600_000;

export function createSigningTransport(options: SigningTransportOptions): TransportV1 {
  if (!options.proxyUrl || !options.clientId || !options.secret)
    throw createRunwareError('invalidConfig', 'createSigningTransport needs proxyUrl, clientId and secret.');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const { maxRetries = 3, retryDelayMs = 250, maxRetryDelayMs = 5_000, pollIntervalMs = 500 } = options;
  const sign = createRequestSigner(options.clientId, options.secret);
  const closing = new AbortController();

  const closed = (context: ErrorContext) => closedError(context, 'signing transport');
  const connectionError = (cause: unknown) =>
    createRunwareError('connectionFailed', `No answer from the signing proxy (${String(cause)}).`, { cause });

  /** A request that ended without an answer: the RunwareError it ends with, or `Lost`. */
  function ended(failure: FetchFailure, opts: SendOptionsV1, context: ErrorContext): RunwareError | Lost {
    switch (failure.kind) {
      case 'aborted':
        // `closing` is an AbortSignal too: the caller's signal says which of the two fired.
        return opts.signal?.aborted ? abortedError(context, failure.reason) : closed(context);
      case 'closed':
        return closed(context);
      case 'timeout':
        return timeoutError(context, opts.timeoutMs ?? 0);
      case 'network':
        return { lost: true, sent: !neverSent(failure.cause), cause: failure.cause };
    }
  }

  /** One stream attempt's signal (caller, close, timeout) and how to name what ended it. */
  function attempt(opts: SendOptionsV1, context: ErrorContext) {
    if (opts.signal?.aborted) throw abortedError(context, opts.signal.reason);
    if (closing.signal.aborted) throw closed(context);
    const timer = opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined;
    const signals = [closing.signal, opts.signal, timer].filter((s): s is AbortSignal => s !== undefined);
    const failure = (cause: unknown): RunwareError | Lost => {
      if (isRunwareError(cause)) return cause;
      const kind: FetchFailure = opts.signal?.aborted
        ? { kind: 'aborted', reason: cause }
        : closing.signal.aborted
          ? { kind: 'closed' }
          : timer?.aborted
            ? { kind: 'timeout' }
            : { kind: 'network', cause };
      return ended(kind, opts, context);
    };
    return { signal: AbortSignal.any(signals), failure };
  }

  async function signedInit(body: string, accept: string) {
    const headers = { ...(await sign(body)), 'content-type': 'application/json', accept };
    return { method: 'POST', headers, body };
  }

  /** Waits before a retry or a poll; rejects at once on abort or close. */
  async function wait(ms: number, opts: SendOptionsV1, context: ErrorContext): Promise<void> {
    try {
      await abortableDelay(ms, [opts.signal, closing.signal]);
    } catch (reason) {
      throw opts.signal?.aborted ? abortedError(context, reason) : closed(context);
    }
  }

  /** POSTs a batch and reads the whole answer within the call's timeout, or says that none came. */
  async function exchange(tasks: readonly TaskPayload[], opts: SendOptionsV1, context: ErrorContext) {
    const init = await signedInit(JSON.stringify(tasks), 'application/json');
    const outcome = await fetchWithTimeout(fetchImpl, options.proxyUrl, init, {
      timeoutMs: opts.timeoutMs,
      signals: [opts.signal, closing.signal],
    });
    if (outcome.kind !== 'answer') {
      const failure = ended(outcome, opts, context);
      if ('lost' in failure) return failure;
      throw failure;
    }
    const retryAfterMs = parseRetryAfter(outcome.headers.get('retry-after'));
    return { ...parseAnswer(outcome.status, outcome.text), retryAfterMs };
  }

  async function send(tasks: readonly TaskPayload[], opts: SendOptionsV1 = {}): Promise<TransportResultV1> {
    const data: ResultItem[] = [];
    const errors: RawApiError[] = [];
    let status = 200;
    let toSend = [...tasks];
    /** Submitted, but the answer was lost: ask the service about them before any resend. */
    let unknown: TaskPayload[] = [];
    let failures = 0;
    const context = contextOf(tasks);
    const deadline = Date.now() + (opts.timeoutMs ?? stillRunningBudgetMs);

    while (toSend.length > 0 || unknown.length > 0) {
      const asking = unknown.length > 0;
      const outcome = await exchange(asking ? unknown.map(askAbout) : toSend, opts, context);
      const answered = !('lost' in outcome) && !isRetryableStatus(outcome.status);
      if (answered && asking) {
        const found = triage(unknown, outcome);
        if (found.wide.length > 0)
          return { data, errors: [...errors, ...found.wide], status: outcome.status };
        data.push(...found.data);
        errors.push(...found.errors);
        toSend.push(...found.resend);
        unknown = found.running;
        if (unknown.length === 0) continue;
        if (Date.now() > deadline)
          throw createRunwareError('timeout', 'Accepted tasks did not finish in time.');
        await wait(pollIntervalMs, opts, context);
        continue;
      }
      if (answered) {
        data.push(...outcome.data);
        errors.push(...outcome.errors);
        status = outcome.status;
        toSend = [];
        continue;
      }
      // No usable answer. Tasks that may have reached the service are asked about, not resent.
      const maybeRan = 'lost' in outcome ? outcome.sent : mayHaveRun(outcome.status);
      if (!asking && maybeRan) {
        unknown = toSend.filter((task) => !isIdempotentTask(task));
        toSend = toSend.filter(isIdempotentTask);
      }
      failures += 1;
      if (failures > maxRetries) return giveUp(outcome);
      const retryAfterMs = 'lost' in outcome ? undefined : outcome.retryAfterMs;
      await wait(retryDelay(failures, retryAfterMs, retryDelayMs, maxRetryDelayMs), opts, context);
    }
    return { data, errors, status };

    function giveUp(outcome: Lost | Answer): TransportResultV1 {
      if ('lost' in outcome) throw connectionError(outcome.cause);
      // The service answered, with an error: that answer is the result (the engine maps it).
      return { data, errors: [...errors, ...outcome.errors], status: outcome.status };
    }
  }

  async function stream(task: TaskPayload, opts: SendOptionsV1 = {}): Promise<ReadableStream<Uint8Array>> {
    const context = contextOf([task]);
    for (let failures = 0; ; failures += 1) {
      // The timeout, when given, covers the whole stream: the attempt's signal also ends the body.
      const { signal, failure } = attempt(opts, context);
      let response: Response;
      try {
        const init = await signedInit(JSON.stringify([task]), 'text/event-stream');
        response = await fetchImpl(options.proxyUrl, { ...init, signal });
      } catch (cause) {
        const ended = failure(cause);
        if (!('lost' in ended)) throw ended;
        // A stream cannot be asked about or resumed: resend only what never left this machine.
        if (ended.sent || failures >= maxRetries) throw connectionError(ended.cause);
        await wait(retryDelay(failures + 1, undefined, retryDelayMs, maxRetryDelayMs), opts, context);
        continue;
      }
      const isSse = (response.headers.get('content-type') ?? '').includes('text/event-stream');
      if (response.ok && isSse && response.body) {
        // Read failures (abort, close, a cut stream) reach the consumer as RunwareErrors.
        return guardStream(response.body, {
          toError(cause) {
            const lost = failure(cause);
            return 'lost' in lost ? createRunwareError('connectionFailed', 'The stream was cut.') : lost;
          },
        });
      }
      const text = await response.text().catch(() => '');
      if ((response.status === 408 || response.status === 429) && failures < maxRetries) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        await wait(retryDelay(failures + 1, retryAfterMs, retryDelayMs, maxRetryDelayMs), opts, context);
        continue;
      }
      const first = response.ok ? undefined : parseAnswer(response.status, text).errors[0];
      const raw = first ?? { code: 'unreadableAnswer', message: 'The service did not answer with SSE.' };
      throw createRunwareError(raw.code, raw.message, {
        parameter: raw.parameter,
        taskType: task.taskType,
        taskUUID: task.taskUUID,
        statusCode: response.status,
      });
    }
  }

  return {
    specificationVersion: 'v1',
    name: 'signing-proxy',
    capabilities: { streaming: true, push: false, resume: false },
    send,
    stream,
    async close() {
      closing.abort(); // aborts every fetch, body read and wait; a second call changes nothing
    },
  };
}
