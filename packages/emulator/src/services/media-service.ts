import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { sendJson } from '../http/respond';
import { contentTypeOf } from '../media/index';
import { storedContentType } from '../tasks/output-fields';
import { renderCatalogAsset } from './catalog-assets';

function sendBytes(req: IncomingMessage, res: ServerResponse, contentType: string, bytes: Uint8Array): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': bytes.byteLength,
    'cache-control': 'public, max-age=3600, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * `GET /media/<uuid>.<ext>`: generated media (rendered on first fetch) and uploads;
 * `GET /media/<kind>/<name>.<ext>`: content-catalog assets, rendered from their path.
 */
export function handleMedia(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  const uuid = /^\/([0-9a-fA-F-]{36})(?:\.[A-Za-z0-9]+)?$/.exec(path)?.[1];
  const entry = uuid ? ctx.media.get(uuid) : undefined;
  if (!uuid && /^\/[a-z0-9-]+\//i.test(path)) {
    const asset = renderCatalogAsset(path);
    if (asset) {
      sendBytes(req, res, contentTypeOf(asset.format), asset.bytes);
      return;
    }
  }
  if (!entry) {
    sendJson(res, 404, {
      errors: [
        {
          code: 'mediaNotFound',
          message: `No media at /media${path} (never generated, deleted, or expired).`,
        },
      ],
    });
    return;
  }
  sendBytes(req, res, storedContentType(entry.format), ctx.media.bytesOf(entry));
}
