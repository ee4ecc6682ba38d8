import { createRunwareError, type RunwareError } from '@runware/core';

export interface FetchRegistryOptions {
  url: string;
  fetch: typeof globalThis.fetch | undefined;
  /** The ETag of the list in use; sent as If-None-Match. */
  etag: string | undefined;
  timeoutMs: number;
}

export type FetchedRegistry = { status: 304 } | { status: 200; text: string; etag: string | undefined };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  // In Node, a pending request timer must not keep the process alive; elsewhere unref does not exist.
  (timer as { unref?: () => void }).unref?.();

  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.etag) headers['if-none-match'] = options.etag;
    let response: Response;
    try {
      // A plain call: native fetch throws "Illegal invocation" when called as a method of another object.
      response = await fetchImpl(url, { method: 'GET', headers, signal: controller.signal });
    } catch (error) {
      throw connectionFailed(
        url,
        timedOut ? `no answer within ${options.timeoutMs} ms` : messageOf(error),
        error,
      );
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 304 };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw createRunwareError(
        'httpError',
        `The model registry at ${url} answered HTTP ${response.status}.`,
        {
          statusCode: response.status,
        },
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw connectionFailed(
        url,
        timedOut ? `body not received within ${options.timeoutMs} ms` : messageOf(error),
        error,
      );
    }
    return { status: 200, text, etag: response.headers.get('etag') ?? undefined };
  } finally {
    clearTimeout(timer);
  }
}
