import type { SendOptionsV1, TaskPayload, TransportResultV1, TransportV1 } from '@runware/core';
import { abortedError, closedError, contextOf, timeoutError } from '@runware/core/transport-kit';
import { createRecovery } from './dispatch/recover-in-flight';
import { createRequestTable } from './dispatch/request-table';
import { routeFrame } from './dispatch/route-frame';
import type { RoutingHooks } from './dispatch/route-submit';
import { type WriteFrame, writePending } from './dispatch/write-pending';
import { resolveOptions, type WebSocketTransportOptions } from './options';
import { createConnectionManager } from './socket/connection-manager';

// setTimeout stores delays as a signed 32-bit int; a larger one would fire at once.
const maxTimerMs = 2_147_483_647;

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

  const write: WriteFrame = (tasks) => {
    const connection = manager.current();
    if (!connection || tasks.length === 0) return false;
    log('send', `frame of ${tasks.length} task(s)`, {
      taskTypes: [...new Set(tasks.map((t) => t.taskType))],
    });
    return connection.send(JSON.stringify(tasks));
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

  const recovery = createRecovery({ graceMs: options.replayGrace, table, write, log });

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

  const send = (tasks: readonly TaskPayload[], sendOptions: SendOptionsV1 = {}): Promise<TransportResultV1> =>
    new Promise<TransportResultV1>((resolve, reject) => {
      const { signal } = sendOptions;
      const context = contextOf(tasks);
      if (signal?.aborted) return reject(abortedError(context, signal.reason));
      const timeoutMs = sendOptions.timeoutMs ?? options.timeout;
      // A timer and a listener, not combineSignals: an AbortController per send is a measurable
      // share of the cost of thousands of concurrent sends.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      const stop = () => {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      };
      const request = table.open(tasks, {
        onItem: sendOptions.onItem,
        resolve(result) {
          stop();
          resolve(result);
        },
        reject(error) {
          stop();
          reject(error);
        },
      });
      if (!request) return;
      timer = setTimeout(
        () => request.fail(timeoutError(context, timeoutMs)),
        Math.min(Math.max(timeoutMs, 0), maxTimerMs),
      );
      onAbort = () => request.fail(abortedError(context, signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
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
