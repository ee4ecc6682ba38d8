import { createRunwareError, type RunwareError } from '@runware/core';
import { describeCause, type FetchLike, fetchWithTimeout } from '@runware/core/transport-kit';

export interface FetchRegistryOptions {
  url: string;
  fetch: FetchLike | undefined;
  /** The ETag of the list in use; sent as If-None-Match. */
  etag: string | undefined;
  /** The whole exchange, headers and body, ms. */
  timeout: number;
}

export type FetchedRegistry = { status: 304 } | { status: 200; text: string; etag: string | undefined };

function connectionFailed(url: string, reason: string, cause?: unknown): RunwareError {
  return createRunwareError('connectionFailed', `Could not load the model registry from ${url}: ${reason}.`, {
    cause,
  });
}

/**
 * One GET of `registry.json` (no API key: the schemas service is public). Rejects with a
 * RunwareError: `connection` when the service cannot be reached or does not answer in time, raw
 * `httpError` with `statusCode` for any status but 200 and 304.
 */
export async function fetchRegistry(options: FetchRegistryOptions): Promise<FetchedRegistry> {
  const { url } = options;
  // Looked up per call, so a fetch installed after the registry was made is found.
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw createRunwareError('noFetchImpl', 'No fetch is available: pass `fetch` in the registry options.');

  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.etag) headers['if-none-match'] = options.etag;
  const outcome = await fetchWithTimeout(
    fetchImpl,
    url,
    { method: 'GET', headers },
    { timeoutMs: options.timeout },
  );
  switch (outcome.kind) {
    case 'answer':
      break;
    case 'timeout':
      throw connectionFailed(url, `no complete answer within ${options.timeout} ms`);
    case 'network':
      throw connectionFailed(url, describeCause(outcome.cause), outcome.cause);
    default:
      // No signal is passed, so nothing else can cut the request; kept for completeness.
      throw connectionFailed(url, outcome.kind);
  }
  if (outcome.status === 304) return { status: 304 };
  if (outcome.status !== 200) {
    throw createRunwareError('httpError', `The model registry at ${url} answered HTTP ${outcome.status}.`, {
      statusCode: outcome.status,
    });
  }
  return { status: 200, text: outcome.text, etag: outcome.headers.get('etag') ?? undefined };
}
