import type { TaskPayload } from '@runware/core';
import { isIdempotentTask } from '@runware/core/transport-kit';
import type { WebSocketLogger } from '../options';
import type { RequestTable, SubmitView } from './request-table';
import type { WriteFrame } from './write-pending';

export interface RecoverySettings {
  /** How long to wait after a re-authentication for replayed frames before probing. */
  graceMs: number;
  /** Where the submitted tasks are, and the only way to change them. */
  table: RequestTable;
  write: WriteFrame;
  /** Writes what is queued (a read sent again). */
  flush: () => void;
  log: WebSocketLogger;
}

export interface Recovery {
  /** A new socket is authenticated after a drop: recover what was in flight on the old one. */
  afterReconnect(): void;
  /** One async task's ACK is late: ask the server whether it has the task. */
  probe(entry: SubmitView): void;
  /** A recovering sync task is incomplete: poll it again soon (one batched frame per tick). */
  keepPolling(): void;
  /** A result of a sync task failed: read its state now (once), then poll it like a recovering task. */
  collect(entry: SubmitView): void;
  /** The socket went away or the transport closed: stop every timer (the table forgets the probes). */
  stop(): void;
}

const firstPollMs = 1000;
const maxPollMs = 5000;

const poll = (entry: SubmitView): TaskPayload => ({
  taskType: 'getResponse',
  taskUUID: entry.task.taskUUID,
});

/**
 * Recovers tasks whose answers may have been lost with a socket, without ever submitting twice
 * what the server may have: after a re-authentication it waits `graceMs` for the replayed frames,
 * then sends one getResponse per task still unanswered. A known task is accepted (its state or
 * items are routed as usual); `taskNotFound` alone sends it again (see routeToSubmit). Known sync
 * tasks are then polled, batched, until their items are complete. A sync task with a failed result
 * is collected the same way: one probe at once, as the server may have given up on the whole task.
 */
export function createRecovery(settings: RecoverySettings): Recovery {
  let grace: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setTimeout> | undefined;
  let pollDelay = firstPollMs;

  const { table } = settings;

  const send = (entries: SubmitView[], why: string) => {
    if (entries.length === 0) return;
    table.startProbes(entries);
    settings.log('retry', `${why}: getResponse for ${entries.length} task(s)`, {
      taskUUIDs: entries.slice(0, 20).map((entry) => entry.task.taskUUID),
    });
    if (!settings.write(entries.map(poll))) table.stopProbes(entries);
  };

  const tick = () => {
    ticker = undefined;
    const due = table.recovering().filter((entry) => !entry.probing);
    send(due, 'collecting a recovered sync task');
    pollDelay = Math.min(maxPollMs, pollDelay * 1.5);
    if (table.recovering().length > 0) keepPolling();
  };

  const keepPolling = () => {
    if (ticker || grace) return;
    ticker = setTimeout(tick, pollDelay);
  };

  return {
    afterReconnect() {
      pollDelay = firstPollMs;
      // A sync task in flight may have lost pushed items with the socket: collect them by polling.
      table.recoverInFlight();
      if (grace) clearTimeout(grace);
      grace = setTimeout(() => {
        grace = undefined;
        const unsure: SubmitView[] = [];
        for (const entry of table.uncertain()) {
          // A read (getTaskDetails) changes nothing and a getResponse about its taskUUID would
          // answer for another task: ask it again instead.
          if (isIdempotentTask(entry.task)) table.requeue(entry);
          else unsure.push(entry);
        }
        settings.flush();
        send(unsure, 'recovering tasks in flight across the drop');
        if (table.recovering().length > 0 || unsure.some((entry) => entry.mode === 'sync')) keepPolling();
      }, settings.graceMs);
    },
    probe(entry) {
      if (entry.done || entry.phase !== 'sent') return;
      send([entry], 'no ACK in time');
    },
    keepPolling,
    collect(entry) {
      if (entry.done || entry.mode !== 'sync' || entry.phase !== 'known') return;
      if (!entry.recovering) {
        // One probe at once per task; after it, the batched polls (a server answering every poll
        // with a failure must not start a probe loop). During the grace period its probe covers it.
        table.markRecovering(entry);
        if (!ticker) pollDelay = firstPollMs;
        if (!entry.probing && !grace) send([entry], 'a result of a sync task failed');
      }
      keepPolling();
    },
    stop() {
      if (grace) clearTimeout(grace);
      if (ticker) clearTimeout(ticker);
      grace = undefined;
      ticker = undefined;
    },
  };
}
