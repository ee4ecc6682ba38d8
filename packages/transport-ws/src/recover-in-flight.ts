import type { TaskPayload } from '@runware/core';
import type { WebSocketLogger } from './options';
import type { SubmitEntry } from './pending-sends';

export interface RecoverySettings {
  /** How long to wait after a re-authentication for replayed frames before probing. */
  graceMs: number;
  /** The live submitted tasks, in submission order. */
  submits: () => Iterable<SubmitEntry>;
  /** Writes one frame on the current socket; false when there is none or it failed. */
  write: (tasks: TaskPayload[]) => boolean;
  log: WebSocketLogger;
}

export interface Recovery {
  /** A new socket is authenticated after a drop: recover what was in flight on the old one. */
  afterReconnect(): void;
  /** One async task's ACK is late: ask the server whether it has the task. */
  probe(entry: SubmitEntry): void;
  /** A recovering sync task is incomplete: poll it again soon (one batched frame per tick). */
  keepPolling(): void;
  /** A result of a sync task failed: read its state now (once), then poll it like a recovering task. */
  collect(entry: SubmitEntry): void;
  /** The socket went away or the transport closed: stop every timer. */
  stop(): void;
}

const firstPollMs = 1000;
const maxPollMs = 5000;

const poll = (entry: SubmitEntry): TaskPayload => ({
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

  const send = (entries: SubmitEntry[], why: string) => {
    if (entries.length === 0) return;
    for (const entry of entries) {
      entry.probing = true;
      entry.quietPolls += 1;
    }
    settings.log('retry', `${why}: getResponse for ${entries.length} task(s)`, {
      taskUUIDs: entries.slice(0, 20).map((entry) => entry.task.taskUUID),
    });
    if (!settings.write(entries.map(poll))) for (const entry of entries) entry.probing = false;
  };

  const recovering = () =>
    [...settings.submits()].filter(
      (entry) => !entry.done && entry.mode === 'sync' && entry.recovering && entry.phase === 'known',
    );

  const tick = () => {
    ticker = undefined;
    const due = recovering().filter((entry) => !entry.probing);
    send(due, 'collecting a recovered sync task');
    pollDelay = Math.min(maxPollMs, pollDelay * 1.5);
    if (recovering().length > 0) keepPolling();
  };

  const keepPolling = () => {
    if (ticker || grace) return;
    ticker = setTimeout(tick, pollDelay);
  };

  return {
    afterReconnect() {
      pollDelay = firstPollMs;
      for (const entry of settings.submits()) {
        // A sync task in flight may have lost pushed items with the socket: collect them by polling.
        if (!entry.done && entry.mode === 'sync' && entry.phase !== 'queued') entry.recovering = true;
      }
      if (grace) clearTimeout(grace);
      grace = setTimeout(() => {
        grace = undefined;
        const unsure = [...settings.submits()].filter(
          (entry) => !entry.done && (entry.phase === 'sent' || (entry.recovering && entry.phase === 'known')),
        );
        send(unsure, 'recovering tasks in flight across the drop');
        if (recovering().length > 0 || unsure.some((entry) => entry.mode === 'sync')) keepPolling();
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
        entry.recovering = true;
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
      for (const entry of settings.submits()) entry.probing = false;
    },
  };
}
