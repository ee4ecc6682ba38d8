import type { CloseSignal } from './close-signal';
import { type CombinedSignal, combineSignals } from './combine-signals';
import type { FetchLike } from './keep-alive-fetch';
import { neverSent } from './retry-policy';
import { lowLevelCode } from './transport-errors';

/** Why a request ended without an answer. */
export type AttemptFailure =
  /** The request failed on the way; `neverSent` when no connection was made at all. */
  | { kind: 'network'; cause: unknown; neverSent: boolean }
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'closed' };

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  statusText: string;
  text: string;
  retryAfter: string | null;
}

export type AttemptOutcome = HttpAnswer | AttemptFailure;

export interface AttemptRequest {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number | undefined;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** The transport's: closed by `close()`. */
  closing: CloseSignal;
}

/**
 * Names the cause of a rejected fetch (or body read). Order matters: a caller's abort and a close
 * win over the timeout, and anything else is a network failure (runtimes disagree on the error
 * type: TypeError in browsers and Node, a plain Error in some edge runtimes).
 */
export function classifyFailure(
  cause: unknown,
  combined: CombinedSignal,
  request: Pick<AttemptRequest, 'signal' | 'closing'>,
): AttemptFailure {
  if (request.signal?.aborted) return { kind: 'aborted', reason: request.signal.reason };
  if (request.closing.closed) return { kind: 'closed' };
  if (combined.timedOut()) return { kind: 'timeout' };
  return { kind: 'network', cause, neverSent: neverSent(lowLevelCode(cause)) };
}

/** Starts a POST; the caller reads (or streams) the response and then disposes `combined`. */
export async function startPost(
  request: AttemptRequest,
): Promise<{ response: Response; combined: CombinedSignal } | AttemptFailure> {
  if (request.signal?.aborted) return { kind: 'aborted', reason: request.signal.reason };
  if (request.closing.closed) return { kind: 'closed' };
  const combined = combineSignals([request.signal, request.closing], request.timeoutMs);
  try {
    const response = await request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: combined.signal,
    });
    return { response, combined };
  } catch (cause) {
    combined.dispose();
    return classifyFailure(cause, combined, request);
  }
}

/** One POST whose whole answer (headers and body) must arrive within the attempt's budget. */
export async function postOnce(request: AttemptRequest): Promise<AttemptOutcome> {
  const started = await startPost(request);
  if (!('response' in started)) return started;
  const { response, combined } = started;
  try {
    const text = await response.text();
    return {
      kind: 'answer',
      status: response.status,
      statusText: response.statusText,
      text,
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (cause) {
    return classifyFailure(cause, combined, request);
  } finally {
    combined.dispose();
  }
}
