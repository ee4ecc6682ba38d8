import type {
  ResultItem,
  RunwareError,
  SendOptionsV1,
  TaskPayload,
  TransportResultV1,
  TransportV1,
} from '@runware/core';
import { abortedError, closedError, contextOf, timeoutError } from '@runware/core/transport-kit';
import { DeadlineQueue } from './dispatch/deadline-queue';
import { createRecovery } from './dispatch/recover-in-flight';
import { createRequestTable, type OpenRequest, type RequestCallbacks } from './dispatch/request-table';
import { routeFrame } from './dispatch/route-frame';
import type { RoutingHooks } from './dispatch/route-submit';
import { serializeTasks } from './dispatch/serialize-tasks';
import { type WriteFrame, writePending } from './dispatch/write-pending';
import { resolveOptions, type WebSocketTransportOptions } from './options';
import { createConnectionManager } from './socket/connection-manager';
import { responseTooLargeError } from './socket/socket-errors';

// setTimeout stores delays as a signed 32-bit int; a larger one would fire at once.
const maxTimerMs = 2_147_483_647;

/**
 * One send() in flight: the caller's promise, its deadline and its abort listener. A class (and the
 * abort listener an object with `handleEvent`), so a send costs no closures beyond its promise's.
 */
class PendingSend implements RequestCallbacks {
  request: OpenRequest | undefined;
  /** Where its deadline is, once it is registered. */
  deadlines: DeadlineQueue<PendingSend> | undefined;

  constructor(
    private readonly tasks: readonly TaskPayload[],
    readonly onItem: ((item: ResultItem) => void) | undefined,
    private readonly signal: AbortSignal | undefined,
    readonly timeoutMs: number,
    private readonly done: (result: TransportResultV1) => void,
    private readonly failed: (error: RunwareError) => void,
  ) {}

  resolve(result: TransportResultV1): void {
    this.stop();
    this.done(result);
  }

  reject(error: RunwareError): void {
    this.stop();
    this.failed(error);
  }

  /** The signal's abort event. */
  handleEvent(): void {
    this.request?.fail(abortedError(contextOf(this.tasks), this.signal?.reason));
  }

  expire(): void {
    this.request?.fail(timeoutError(contextOf(this.tasks), this.timeoutMs));
  }

  private stop(): void {
    this.deadlines?.delete(this);
    this.signal?.removeEventListener('abort', this);
  }
}

export interface WebSocketTransport extends TransportV1 {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  sessionId(): string | undefined;
}

/**
 * The WebSocket transport: one socket shared by every send, results routed by taskUUID, and
 * drops recovered by session resume and getResponse, never by blind resubmission.
 */
export function createWebSocketTransport(input: WebSocketTransportOptions): WebSocketTransport {
  const options = resolveOptions(input);
  const { log } = options;

  /** Each submitted task's JSON, made (and checked) once by send(): what is written is what was checked. */
  const serialized = new WeakMap<TaskPayload, string>();

  const write: WriteFrame = (tasks) => {
    const connection = manager.current();
    if (!connection || tasks.length === 0) return false;
    if (options.logging) {
      log('send', `frame of ${tasks.length} task(s)`, {
        taskTypes: [...new Set(tasks.map((t) => t.taskType))],
      });
    }
    // Polls and probes are made here and cannot fail to serialize; submits were checked by send().
    // A text is dropped once written (a resend after a reconnect serializes again): an in-flight
    // task must not hold its JSON beside its object.
    const texts = tasks.map((task) => {
      const text = serialized.get(task);
      if (text === undefined) return JSON.stringify(task);
      serialized.delete(task);
      return text;
    });
    return connection.send(`[${texts.join(',')}]`);
  };

  const flush = () => {
    if (manager.current()) writePending(table, write);
  };

  const table = createRequestTable({
    ackTimeout: options.ackTimeout,
    onAckLate(entry) {
      if (!manager.current()) return;
      recovery.probe(entry);
      table.armAck(entry);
    },
    log,
  });

  const recovery = createRecovery({ graceMs: options.replayGrace, table, write, flush: () => flush(), log });

  const hooks: RoutingHooks = {
    resend(entry) {
      table.requeue(entry);
      flush();
    },
    keepPolling: () => recovery.keepPolling(),
    collect: (entry) => recovery.collect(entry),
    log,
  };

  const manager = createConnectionManager(options, {
    onFrame: (frame) => routeFrame(frame, table, hooks),
    onReady(reconnected) {
      flush();
      if (reconnected) recovery.afterReconnect();
    },
    onOversized() {
      table.failWritten(responseTooLargeError(options.maxResponseSize));
    },
    onDrop() {
      recovery.stop();
      table.socketLost();
    },
    onGiveUp(error) {
      recovery.stop();
      table.socketLost();
      table.failAll(error);
    },
  });

  /**
   * Send deadlines, one queue (one timer) per timeout duration: sends of one duration expire in the
   * order they started. A queue goes when it empties, so varied timeouts (polls) leave nothing behind.
   */
  const deadlines = new Map<number, DeadlineQueue<PendingSend>>();
  const expire = (pending: PendingSend) => pending.expire();
  const deadlineQueue = (timeoutMs: number) => {
    const ms = Math.min(Math.max(timeoutMs, 0), maxTimerMs);
    let queue = deadlines.get(ms);
    if (!queue) {
      const created = new DeadlineQueue<PendingSend>(ms, expire, () => {
        if (deadlines.get(ms) === created) deadlines.delete(ms);
      });
      deadlines.set(ms, created);
      queue = created;
    }
    return queue;
  };

  const send = (tasks: readonly TaskPayload[], sendOptions: SendOptionsV1 = {}): Promise<TransportResultV1> =>
    new Promise<TransportResultV1>((resolve, reject) => {
      const { signal } = sendOptions;
      if (signal?.aborted) return reject(abortedError(contextOf(tasks), signal.reason));
      const texts = serializeTasks(tasks);
      if (!Array.isArray(texts)) return reject(texts);
      for (const [index, task] of tasks.entries()) serialized.set(task, texts[index] as string);
      // A shared deadline and a listener, not combineSignals: an AbortController (or a timer) per
      // send is a measurable share of the cost of thousands of concurrent sends.
      const timeoutMs = sendOptions.timeoutMs ?? options.timeout;
      const pending = new PendingSend(tasks, sendOptions.onItem, signal, timeoutMs, resolve, reject);
      const request = table.open(tasks, pending);
      if (!request) return;
      pending.request = request;
      pending.deadlines = deadlineQueue(timeoutMs);
      pending.deadlines.add(pending);
      signal?.addEventListener('abort', pending, { once: true });
      manager.ensure();
      flush();
    });

  const disconnect = async () => {
    recovery.stop();
    table.socketLost();
    table.failAll(closedError({}, 'WebSocket transport'));
    await manager.disconnect();
    log('connection', 'disconnected');
  };

  return {
    specificationVersion: 'v1',
    name: 'websocket',
    capabilities: { streaming: false, push: true, resume: true },
    send,
    connect: () => manager.connect(),
    disconnect,
    close: disconnect,
    isConnected: () => manager.current() !== undefined,
    sessionId: () => manager.sessionId(),
  };
}
