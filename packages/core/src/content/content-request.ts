import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import { fetchWithTimeout } from '../transport-kit/fetch-with-timeout';
import type { CreateContentClientOptions } from './content-client';

/** A parsed 2xx body, or `found: false` for a 404 (the caller decides what "unknown" means). */
export type ContentAnswer = { found: true; body: unknown } | { found: false };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function connectionFailed(url: string, reason: string, cause: unknown): RunwareError {
  return createRunwareError('connectionFailed', `Could not reach the content service at ${url}: ${reason}.`, {
    cause,
  });
}

/** The first `{ errors: [{ message, parameter }] }` entry (or `{ error | message }`) of a JSON body. */
function describeBody(text: string): { message?: string; parameter?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const first: unknown = Array.isArray(record.errors) ? record.errors[0] : record;
  if (typeof first !== 'object' || first === null) return {};
  const { message, error, parameter } = first as Record<string, unknown>;
  const said = typeof message === 'string' ? message : typeof error === 'string' ? error : undefined;
  return {
    ...(said ? { message: said } : {}),
    ...(typeof parameter === 'string' ? { parameter } : {}),
  };
}

/**
 * One GET against the content service. No API key or Authorization header is sent (the service is
 * public) and only `accept` is set, a CORS-safelisted header, so browsers skip the preflight.
 */
export async function getContent(options: CreateContentClientOptions, url: string): Promise<ContentAnswer> {
  // Looked up per call, so a fetch installed after the client was made is found.
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw createRunwareError(
      'noFetchImpl',
      'No fetch is available: pass `fetch` (`dependencies.fetch` in the client config).',
    );
  }
  options.log?.('request', `GET ${url}`);
  const outcome = await fetchWithTimeout(
    fetchImpl,
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    // Timers fire at once past 2^31-1 ms, so longer limits mean none.
    {
      timeoutMs:
        options.timeoutMs !== undefined && options.timeoutMs <= 2_147_483_647 ? options.timeoutMs : undefined,
    },
  );
  if (outcome.kind !== 'answer') {
    const cause = outcome.kind === 'network' ? outcome.cause : undefined;
    const reason = outcome.kind === 'timeout' ? `no answer within ${options.timeoutMs} ms` : messageOf(cause);
    options.log?.('error', 'The content service could not be reached.', { url, error: reason });
    throw connectionFailed(url, reason, cause);
  }
  const { status, text } = outcome;
  if (status === 404) return { found: false };
  if (status < 200 || status > 299) {
    const { message, parameter } = describeBody(text);
    options.log?.('error', 'The content service answered an error.', { url, status });
    throw createRunwareError(
      'httpError',
      `The content service answered HTTP ${status} for ${url}${message ? `: ${message}` : '.'}`,
      { statusCode: status, parameter },
    );
  }
  try {
    return { found: true, body: JSON.parse(text) };
  } catch (error) {
    throw createRunwareError('parseError', `The content service answered ${url} with invalid JSON.`, {
      statusCode: status,
      cause: error,
    });
  }
}
