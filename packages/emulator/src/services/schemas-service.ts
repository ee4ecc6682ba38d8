import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import { sendJson } from '../http/respond';

/**
 * `GET /schemas/registry.json` (ETag = registry version; `If-None-Match` gets 304) and
 * `GET /schemas/resolve/<AIR>` (the AIR percent-encoded as one segment; 404 for unknown models).
 */
export function handleSchemas(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(
      res,
      405,
      { errors: [apiError('methodNotAllowed', 'The schemas service is read-only.')] },
      { allow: 'GET, HEAD' },
    );
    return;
  }
  if (path === '/registry.json') {
    const etag = `"${ctx.registry.version()}"`;
    const cache = { etag, 'cache-control': 'public, max-age=300' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, cache).end();
      return;
    }
    sendJson(res, 200, ctx.registry.document(), cache);
    return;
  }
  const resolve = /^\/resolve\/([^/]+)$/.exec(path);
  if (resolve?.[1]) {
    let air: string;
    try {
      air = decodeURIComponent(resolve[1]);
    } catch {
      sendJson(res, 400, { errors: [apiError('invalidModel', 'The AIR is not validly percent-encoded.')] });
      return;
    }
    const resolved = ctx.registry.resolve(air);
    if (!resolved) {
      sendJson(res, 404, {
        errors: [apiError('modelNotFound', `Unknown model '${air}'.`, { parameter: 'model' })],
      });
      return;
    }
    sendJson(res, 200, resolved);
    return;
  }
  sendJson(res, 404, { errors: [apiError('notFound', `No schemas resource at ${path}.`)] });
}
