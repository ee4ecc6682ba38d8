import {
  type CloseSignal,
  type CombinedSignal,
  combineSignals,
  type FetchFailure,
  type FetchLike,
} from '@runware/core/transport-kit';

export interface PostRequest {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Covers the whole exchange, body included; none when undefined. */
  timeoutMs: number | undefined;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** The transport's: closed by `close()`. */
  closing: CloseSignal;
}

/**
 * Names the cause of a rejected fetch (or body read) as `fetchWithTimeout` does: a caller's abort
 * and a close win over the timeout, and anything else is a network failure (runtimes disagree on
 * the error type: TypeError in browsers and Node, a plain Error in some edge runtimes).
 */
export function classifyFailure(
  cause: unknown,
  combined: CombinedSignal,
  request: Pick<PostRequest, 'signal' | 'closing'>,
): FetchFailure {
  if (request.signal?.aborted) return { kind: 'aborted', reason: request.signal.reason };
  if (request.closing.closed) return { kind: 'closed' };
  if (combined.timedOut()) return { kind: 'timeout' };
  return { kind: 'network', cause };
}

/**
 * Starts a POST whose body the caller streams (a whole answer goes through `fetchWithTimeout`
 * instead); the caller disposes `combined` once the body is read or cancelled.
 */
export async function startPost(
  request: PostRequest,
): Promise<{ response: Response; combined: CombinedSignal } | FetchFailure> {
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
