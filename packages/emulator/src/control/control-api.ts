import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { readBody, sendJson } from '../http/respond';
import type { ControlOperations } from './control-operations';

async function jsonBody(ctx: EmulatorContext, req: IncomingMessage): Promise<unknown> {
  const read = await readBody(req, ctx.options.maxPayloadBytes);
  if (!read.ok) throw new TypeError('body too large or aborted');
  const text = read.body.toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** `/_emulator/*`: stats, faults, captured requests, reset, runtime models. Loopback callers only. */
export async function handleControl(
  ctx: EmulatorContext,
  control: ControlOperations,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case 'GET /stats':
        sendJson(res, 200, control.stats());
        return;
      case 'GET /faults':
        sendJson(res, 200, { faults: control.faults() });
        return;
      case 'POST /faults':
        sendJson(res, 201, control.addFaults(await jsonBody(ctx, req)));
        return;
      case 'DELETE /faults':
        control.clearFaults();
        sendJson(res, 200, { faults: [] });
        return;
      case 'GET /requests': {
        const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 0);
        sendJson(res, 200, { requests: control.requests(since) });
        return;
      }
      case 'POST /reset':
        control.reset();
        sendJson(res, 200, { reset: true });
        return;
      case 'POST /models':
        sendJson(res, 201, control.addModel(await jsonBody(ctx, req)));
        return;
      default:
        sendJson(res, 404, { errors: [{ code: 'notFound', message: `No control endpoint ${route}.` }] });
    }
  } catch (error) {
    sendJson(res, 400, { errors: [{ code: 'invalidRequest', message: (error as Error).message }] });
  }
}
