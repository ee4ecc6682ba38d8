import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { type ApiErrorItem, apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import type { Session } from '../state/sessions';
import { recordError, recordRequest } from '../state/stats';
import type { TaskRecord } from '../state/task-store';
import { submitTask } from '../tasks/engine';
import { checkApiKey } from './authenticate';
import { deliverWebhooks, slotOutcome } from './delivery';
import { createSocketSink, type SocketSink } from './frame-sink';

export interface WebSocketEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Drops every open connection: `terminate` is a network cut, `close` a clean server close. */
  closeAll(mode: 'terminate' | 'close', code?: number): number;
  close(): Promise<void>;
}

const frame = (body: { data?: unknown[]; errors?: ApiErrorItem[] }) => JSON.stringify(body);

/** Pushes each result of a sync task to the session as it finishes, within the sync budget. */
function pushResults(ctx: EmulatorContext, session: Session, record: TaskRecord): void {
  const sent = new Set<number>();
  const push = (index: number) => {
    const outcome = slotOutcome(record, index);
    if (!outcome || sent.has(index)) return;
    sent.add(index);
    if ('error' in outcome) recordError(ctx.stats, outcome.error.code);
    ctx.sessions.deliver(
      session,
      frame('item' in outcome ? { data: [outcome.item] } : { errors: [outcome.error] }),
    );
    if (sent.size === record.slots.length) {
      record.listeners.delete(push);
      cancel();
    }
  };
  const cancel = ctx.scheduler.after(ctx.options.syncTimeoutMs, () => {
    record.listeners.delete(push);
    const late = record.slots.flatMap((_, i) => (sent.has(i) ? [] : [i]));
    if (late.length === 0) return;
    const error = apiError(
      'syncTimeout',
      'The task did not finish within the sync budget; use deliveryMethod async.',
      {
        taskType: record.taskType,
        taskUUID: record.taskUUID,
      },
    );
    ctx.sessions.deliver(session, frame({ errors: [error] }));
  });
  record.listeners.add(push);
  for (let index = 0; index < record.slots.length; index++) push(index);
}

/** Handles the tasks of one frame after authentication. */
function runTasks(ctx: EmulatorContext, session: Session, tasks: readonly unknown[]): void {
  const data: unknown[] = [];
  const errors: ApiErrorItem[] = [];
  const caller = { transport: 'ws' as const, apiKey: session.apiKey };
  const pushes: TaskRecord[] = [];
  for (const task of tasks) {
    if (
      typeof task === 'object' &&
      task !== null &&
      (task as { taskType?: unknown }).taskType === 'authentication'
    ) {
      data.push({ taskType: 'authentication', connectionSessionUUID: session.id });
      continue;
    }
    const outcome = submitTask(ctx, task, caller);
    if (outcome.kind === 'now') data.push(...outcome.items);
    else if (outcome.kind === 'error') errors.push(outcome.error);
    else if (outcome.kind === 'sync') pushes.push(outcome.record);
    else if (outcome.kind === 'ack') {
      const webhook = outcome.record.request.webhookURL;
      if (typeof webhook === 'string') deliverWebhooks(ctx, outcome.record, webhook);
      const context = { transport: 'ws' as const, taskType: outcome.record.taskType };
      if (ctx.faults.take('ackDrop', context)) continue;
      const held = ctx.faults.take('ackDelay', context);
      if (held)
        ctx.scheduler.after(held.ms, () => ctx.sessions.deliver(session, frame({ data: [outcome.ack] })));
      else data.push(outcome.ack);
    }
  }
  for (const error of errors) recordError(ctx.stats, error.code);
  if (data.length > 0 || errors.length > 0) {
    ctx.sessions.deliver(
      session,
      frame({ ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) }),
    );
  }
  for (const record of pushes) pushResults(ctx, session, record);
}

function handleConnection(ctx: EmulatorContext, ws: WebSocket): void {
  ctx.stats.connections.opened += 1;
  ctx.stats.connections.open += 1;
  let session: Session | undefined;
  let queue = Promise.resolve();
  const sink: SocketSink = createSocketSink(ctx, ws, (lost) => {
    if (session) ctx.sessions.requeue(session, lost);
  });
  const direct = (body: { data?: unknown[]; errors?: ApiErrorItem[] }) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame(body));
  };

  let cancelIdle = () => {};
  const armIdle = () => {
    cancelIdle();
    cancelIdle = ctx.scheduler.after(ctx.options.inactivityTimeoutMs, () =>
      sink.closeByServer(1000, 'inactivity timeout'),
    );
  };
  armIdle();

  const authenticate = async (task: Record<string, unknown>): Promise<void> => {
    const slow = ctx.faults.take('slowAuth', { transport: 'ws' });
    if (slow) await new Promise<void>((resolve) => ctx.scheduler.after(slow.ms, resolve));
    const auth = checkApiKey(ctx.options.apiKeys, task.apiKey);
    if ('error' in auth) {
      recordError(ctx.stats, auth.error.code);
      direct({ errors: [auth.error] });
      sink.closeByServer(1008, 'authentication failed');
      return;
    }
    const wanted = typeof task.connectionSessionUUID === 'string' ? task.connectionSessionUUID : undefined;
    const resumed = wanted ? ctx.sessions.find(wanted, auth.apiKey) : undefined;
    const current = resumed ?? ctx.sessions.create(auth.apiKey);
    ctx.stats.connections.authenticated += 1;
    if (resumed) ctx.stats.connections.resumed += 1;
    direct({ data: [{ taskType: 'authentication', connectionSessionUUID: current.id }] });
    session = current;
    ctx.sessions.attach(current, sink);
  };

  const onFrame = async (text: string): Promise<void> => {
    if (Buffer.byteLength(text) > ctx.options.maxPayloadBytes) {
      direct({
        errors: [apiError('invalidRequestSize', `The frame exceeds ${ctx.options.maxPayloadBytes} bytes.`)],
      });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      ctx.stats.requests.ws += 1;
      direct({ errors: [apiError('invalidJson', 'The frame is not valid JSON.')] });
      return;
    }
    ctx.requests.add({ transport: 'ws', method: 'WS', path: '/v1', body: payload });
    if (!Array.isArray(payload)) {
      ctx.stats.requests.ws += 1;
      direct({ errors: [apiError('invalidRequestFormat', 'A frame must be a JSON array of tasks.')] });
      return;
    }
    recordRequest(
      ctx.stats,
      'ws',
      payload.map((t) => String((t as { taskType?: unknown } | null)?.taskType ?? '')),
    );
    let tasks = payload;
    if (!session) {
      const first = payload[0] as Record<string, unknown> | undefined;
      if (!first || typeof first !== 'object' || first.taskType !== 'authentication') {
        direct({
          errors: [
            apiError(
              'missingAuthentication',
              'Authenticate first: send [{"taskType":"authentication","apiKey":"…"}].',
              { taskType: 'authentication' },
            ),
          ],
        });
        return;
      }
      await authenticate(first);
      tasks = payload.slice(1);
    }
    if (session && tasks.length > 0) runTasks(ctx, session, tasks);
  };

  ws.on('message', (data: WebSocket.RawData) => {
    armIdle();
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data as ArrayBuffer).toString('utf8');
    // One frame at a time per connection, so a slow authentication holds the frames behind it.
    queue = queue.then(() => onFrame(text)).catch(() => {});
  });
  ws.on('error', () => {});
  ws.on('close', (code) => {
    cancelIdle();
    ctx.stats.connections.open -= 1;
    if (sink.closedByServer()) ctx.stats.connections.closedByServer += 1;
    else if (code === 1006) ctx.stats.connections.dropped += 1;
    if (session) ctx.sessions.detach(session, sink);
  });
}

export function createWebSocketEndpoint(ctx: EmulatorContext): WebSocketEndpoint {
  // Frames past maxPayloadBytes get an error frame (checked in onFrame); only far larger ones make
  // the library close the socket (1009) before buffering them.
  const wss = new WebSocketServer({ noServer: true, maxPayload: ctx.options.maxPayloadBytes * 2 + 1024 });
  wss.on('connection', (ws) => handleConnection(ctx, ws));
  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    closeAll(mode, code = 1011) {
      let count = 0;
      for (const client of wss.clients) {
        count += 1;
        if (mode === 'terminate') client.terminate();
        else client.close(code, 'closed by the emulator');
      }
      return count;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
