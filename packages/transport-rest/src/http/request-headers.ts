import { isBrowserRuntime } from '@runware/core/transport-kit';
import type { ResolvedOptions } from '../options';

/**
 * The headers of every POST. No `User-Agent` in a browser page or worker: there it belongs to the
 * browser (setting it is ignored or forces a CORS preflight).
 */
export function requestHeaders(
  options: Pick<ResolvedOptions, 'apiKey' | 'userAgent'>,
  accept: 'application/json' | 'text/event-stream',
): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.apiKey}`,
    'Content-Type': 'application/json',
    Accept: accept,
  };
  if (options.userAgent && !isBrowserRuntime()) headers['User-Agent'] = options.userAgent;
  return headers;
}
