import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { readBody, sendJson } from '../http/respond';
import { parseFaults } from './fault-spec';

export interface ControlHooks {
  /** Closes every WebSocket now (a `wsClose` fault without `rate`/`afterFrames`). */
  closeSockets(mode: 'terminate' | 'close', code?: number): number;
  /** Clears every table and timer of the instance. */
  reset(): void;
}

async function jsonBody(ctx: EmulatorContext, req: IncomingMessage): Promise<unknown> {
  const read = await readBody(req, ctx.options.maxPayloadBytes);
  if (!read.ok) throw new TypeError('body too large or aborted');
  const text = read.body.toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** `/_emulator/*`: stats, faults, captured requests, reset, runtime models. Loopback callers only. */
export async function handleControl(
  ctx: EmulatorContext,
  hooks: ControlHooks,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case 'GET /stats':
        sendJson(res, 200, {
          ...ctx.stats,
          gauges: {
            tasks: ctx.tasks.size(),
            sessions: ctx.sessions.size(),
            registryVersion: ctx.registry.version(),
          },
        });
        return;
      case 'GET /faults':
        sendJson(res, 200, { faults: ctx.faults.list() });
        return;
      case 'POST /faults': {
        const body = (await jsonBody(ctx, req)) as { faults?: unknown };
        const specs = parseFaults(body.faults ?? body);
        const now = specs.filter(
          (s) => s.kind === 'wsClose' && s.rate === undefined && s.afterFrames === undefined,
        );
        let closed = 0;
        for (const spec of now)
          if (spec.kind === 'wsClose') closed += hooks.closeSockets(spec.mode ?? 'terminate', spec.closeCode);
        const added = ctx.faults.add(specs.filter((s) => !now.includes(s)));
        sendJson(res, 201, { added, closedNow: closed });
        return;
      }
      case 'DELETE /faults':
        ctx.faults.clear();
        sendJson(res, 200, { faults: [] });
        return;
      case 'GET /requests': {
        const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 0);
        sendJson(res, 200, { requests: ctx.requests.list(Number.isFinite(since) ? since : 0) });
        return;
      }
      case 'POST /reset':
        hooks.reset();
        sendJson(res, 200, { reset: true });
        return;
      case 'POST /models': {
        const body = (await jsonBody(ctx, req)) as Record<string, unknown>;
        if (typeof body.air !== 'string' || typeof body.taskType !== 'string')
          throw new TypeError('air and taskType are required strings');
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const model = ctx.registry.add(
          {
            air: body.air,
            taskType: body.taskType,
            slug: str(body.slug),
            name: str(body.name),
            architecture: str(body.architecture),
            category: str(body.category),
          },
          'runtime',
        );
        sendJson(res, 201, { model, registryVersion: ctx.registry.version() });
        return;
      }
      default:
        sendJson(res, 404, { errors: [{ code: 'notFound', message: `No control endpoint ${route}.` }] });
    }
  } catch (error) {
    sendJson(res, 400, { errors: [{ code: 'invalidRequest', message: (error as Error).message }] });
  }
}
