import type { IncomingMessage, ServerResponse } from 'node:http';

const exposed = 'retry-after, etag, content-type, content-length';

/**
 * CORS for the public services, so browser apps call the emulator from another localhost origin
 * as they would call the API. Keys travel in the Authorization header or the body, never in
 * cookies, so any origin may read answers. The control API gets none: pages must not drive it.
 * Returns true when it answered a preflight itself.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path.startsWith('/_emulator/')) return false;
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', exposed);
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false;
  res
    .writeHead(204, {
      'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
      'access-control-allow-headers':
        req.headers['access-control-request-headers'] ?? 'authorization, content-type, if-none-match',
      'access-control-max-age': '600',
      vary: 'access-control-request-headers',
    })
    .end();
  return true;
}
