/**
 * A browser page or worker: there `User-Agent` belongs to the browser (setting it is ignored or
 * forces a CORS preflight), so the transport never sends it.
 */
export function isBrowser(): boolean {
  const g = globalThis as { document?: unknown; importScripts?: unknown; WorkerGlobalScope?: unknown };
  return (
    typeof g.document === 'object' ||
    typeof g.importScripts === 'function' ||
    g.WorkerGlobalScope !== undefined
  );
}

export interface HeaderOptions {
  apiKey: string;
  userAgent: string | undefined;
  accept: 'application/json' | 'text/event-stream';
}

export function requestHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.apiKey}`,
    'Content-Type': 'application/json',
    Accept: options.accept,
  };
  if (options.userAgent && !isBrowser()) headers['User-Agent'] = options.userAgent;
  return headers;
}
