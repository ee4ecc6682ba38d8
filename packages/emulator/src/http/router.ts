import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleContentRequest } from '../content/index';
import type { EmulatorContext } from '../context';
import { handleControl } from '../control/control-api';
import type { ControlOperations } from '../control/control-operations';
import { handleMedia } from '../services/media-service';
import { handleSchemas } from '../services/schemas-service';
import { handleRest } from '../transports/rest';
import { applyCors } from './cors';
import { isLoopbackAddress, sendJson } from './respond';

const wait = (ctx: EmulatorContext, ms: number) =>
  new Promise<void>((resolve) => ctx.scheduler.after(ms, resolve));

/** A `serviceError` fault for this service: answers (and returns true) when it fires. */
async function serviceFault(
  ctx: EmulatorContext,
  res: ServerResponse,
  service: 'schemas' | 'content',
): Promise<boolean> {
  const fault = ctx.faults.take('serviceError', { service });
  if (!fault) return false;
  if (fault.delayMs) await wait(ctx, fault.delayMs);
  if (fault.status === undefined && fault.delayMs) return false;
  sendJson(res, fault.status ?? 503, {
    errors: [{ code: 'serviceUnavailable', message: `Injected fault: ${service} service unavailable.` }],
  });
  return true;
}

/** Dispatches one HTTP request by path prefix. */
export async function route(
  ctx: EmulatorContext,
  control: ControlOperations,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const path = url.pathname;
  if (applyCors(req, res, path)) return;
  if (path === '/v1' || path === '/v1/') {
    if (req.method !== 'POST') {
      sendJson(
        res,
        405,
        { errors: [{ code: 'methodNotAllowed', message: 'POST a JSON array of tasks to /v1.' }] },
        { allow: 'POST' },
      );
      return;
    }
    await handleRest(ctx, req, res);
    return;
  }
  if (path.startsWith('/schemas/')) {
    if (!(await serviceFault(ctx, res, 'schemas')))
      handleSchemas(ctx, req, res, path.slice('/schemas'.length));
    return;
  }
  if (path.startsWith('/content/')) {
    if (await serviceFault(ctx, res, 'content')) return;
    const answer = handleContentRequest(
      ctx.catalog(),
      req.method ?? 'GET',
      path.slice('/content'.length),
      url.searchParams,
    );
    sendJson(res, answer.status, answer.body, answer.headers);
    return;
  }
  if (path.startsWith('/guides/')) {
    // Guide links of the content catalog: a stand-in page, so every catalog URL resolves.
    let slug = path.slice('/guides/'.length);
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // keep the raw segment: a malformed escape still gets a page, not a 500
    }
    slug = slug.replace(/[<>&"]/g, '');
    const html = `<!doctype html><title>${slug}</title><h1>${slug}</h1><p>Emulated guide page.</p>`;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  if (path.startsWith('/media/')) {
    handleMedia(ctx, req, res, path.slice('/media'.length));
    return;
  }
  if (path.startsWith('/_emulator/')) {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      sendJson(res, 403, {
        errors: [{ code: 'forbidden', message: 'The control API answers loopback callers only.' }],
      });
      return;
    }
    await handleControl(ctx, control, req, res, path.slice('/_emulator'.length));
    return;
  }
  if (path === '/') {
    const base = ctx.baseUrl();
    sendJson(res, 200, {
      name: '@runware/emulator',
      httpUrl: `${base}/v1`,
      wsUrl: `${base.replace(/^http/, 'ws')}/v1`,
      schemasUrl: `${base}/schemas`,
      contentUrl: `${base}/content`,
    });
    return;
  }
  sendJson(res, 404, { errors: [{ code: 'notFound', message: `Nothing at ${path}.` }] });
}
