import { type AbortInput, combineSignals } from './combine-signals';

export type FetchLike = typeof globalThis.fetch;

export interface FetchWithTimeoutOptions {
  /** The whole exchange, headers and body, must finish within this; none when undefined. */
  timeoutMs?: number | undefined;
  /** What else may cut the request: the caller's signal, a transport's close. */
  signals?: readonly AbortInput[];
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

export type FetchOutcome = FetchAnswer | FetchFailure;

/**
 * One request whose answer, headers and body, must arrive within `timeoutMs`. Never throws: the
 * outcome says what happened (a caller's abort and a close win over the timeout). The deadline is
 * raced as well as signalled, so an injected fetch that ignores `signal` cannot hang the caller.
 * `fetchImpl` is called as a plain function: native fetch throws "Illegal invocation" otherwise.
 */
export async function fetchWithTimeout(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  options: FetchWithTimeoutOptions = {},
): Promise<FetchOutcome> {
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
  if (signal.aborted) return failure(signal.reason);
  let stop: () => void = () => {};
  const cut = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    stop = () => signal.removeEventListener('abort', onAbort);
  });
  cut.catch(() => {});
  try {
    const response = await Promise.race([fetchImpl(url, { ...init, signal }), cut]);
    let text: string;
    try {
      text = await Promise.race([response.text(), cut]);
    } catch (cause) {
      void response.body?.cancel().catch(() => {});
      throw cause;
    }
    return {
      kind: 'answer',
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text,
    };
  } catch (cause) {
    return failure(cause);
  } finally {
    stop();
    combined.dispose();
  }
}
