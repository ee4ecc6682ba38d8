import { type AbortInput, combineSignals } from './combine-signals';
import { BodyTooLarge, readText } from './read-body';

export type FetchLike = typeof globalThis.fetch;

export interface FetchWithTimeoutOptions {
  /** The whole exchange, headers and body, must finish within this; none when undefined. */
  timeoutMs?: number | undefined;
  /** What else may cut the request: the caller's signal, a transport's close. */
  signals?: readonly AbortInput[];
}

/** With `maxBytes`, bytes of body at most, counted while reading (`maxResponseSize`). */
export interface FetchWithLimitOptions extends FetchWithTimeoutOptions {
  maxBytes: number;
}

/** A whole HTTP answer, body read as text. */
export interface FetchAnswer {
  kind: 'answer';
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** Why a request ended without an answer. */
export type FetchFailure =
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown }
  /** One of `signals` was a close notifier and it closed. */
  | { kind: 'closed' }
  | { kind: 'network'; cause: unknown };

/** An answer whose body passed `maxBytes`: the read stopped there and the body was cancelled. */
export interface FetchTooLarge {
  kind: 'tooLarge';
  status: number;
  body: BodyTooLarge;
}

export type FetchOutcome = FetchAnswer | FetchFailure;

/**
 * One request whose answer, headers and body, must arrive within `timeoutMs`, the body read within
 * `maxBytes` when given. Never throws: the
 * outcome says what happened (a caller's abort and a close win over the timeout). The deadline is
 * raced as well as signalled, so an injected fetch that ignores `signal` cannot hang the caller.
 * `fetchImpl` is called as a plain function: native fetch throws "Illegal invocation" otherwise.
 */
export function fetchWithTimeout(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  options: FetchWithLimitOptions,
): Promise<FetchOutcome | FetchTooLarge>;
export function fetchWithTimeout(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  options?: FetchWithTimeoutOptions,
): Promise<FetchOutcome>;
export async function fetchWithTimeout(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  options: FetchWithTimeoutOptions & { maxBytes?: number } = {},
): Promise<FetchOutcome | FetchTooLarge> {
  const inputs = options.signals ?? [];
  const combined = combineSignals(inputs, options.timeoutMs);
  const failure = (cause: unknown): FetchFailure => {
    for (const input of inputs) {
      if (!input) continue;
      if ('onClose' in input) {
        if (input.closed) return { kind: 'closed' };
      } else if (input.aborted) return { kind: 'aborted', reason: input.reason };
    }
    if (combined.timedOut()) return { kind: 'timeout' };
    return { kind: 'network', cause };
  };
  const { signal } = combined;
  // The listener is removed when the call ends: the runtime's fetch may keep `signal` alive for a
  // while (undici until its request is finalized), and the listener would keep this call's answer
  // alive with it (found by the SDK's heap fuzz test).
  let stop = () => {};
  const cut = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    stop = () => signal.removeEventListener('abort', onAbort);
  });
  cut.catch(() => {});
  try {
    if (signal.aborted) throw signal.reason;
    const response = await Promise.race([fetchImpl(url, { ...init, signal }), cut]);
    let body: { text: string } | BodyTooLarge;
    try {
      body = await Promise.race([readText(response, options.maxBytes ?? Infinity), cut]);
    } catch (cause) {
      void response.body?.cancel().catch(() => {});
      throw cause;
    }
    const { status } = response;
    return body instanceof BodyTooLarge
      ? { kind: 'tooLarge', status, body }
      : {
          kind: 'answer',
          status,
          statusText: response.statusText,
          headers: response.headers,
          text: body.text,
        };
  } catch (cause) {
    return failure(cause);
  } finally {
    stop();
    combined.dispose();
  }
}
