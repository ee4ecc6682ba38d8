import {
  classifyErrorCode,
  type SendOptionsV1,
  type TaskPayload,
  type TransportResultV1,
  type TransportV1,
} from '@runware/core';
import { createConnectionManager } from './connection-manager';
import { readFrame } from './frame-router';
import { resolveOptions, type WebSocketTransportOptions } from './options';
import {
  type Entry,
  failGroup,
  newSubmitEntry,
  type PollEntry,
  routeToPolls,
  type SendGroup,
  type SubmitEntry,
} from './pending-sends';
import { createRecovery } from './recover-in-flight';
import { type RoutingHooks, routeToSubmit } from './route-submit';
import { createSafeLog } from './safe-log';
import { abortedError, authError, disconnectedError, timeoutError } from './transport-errors';

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
  const log = createSafeLog(input.log, options.apiKey);
  const submits = new Map<string, SubmitEntry>();
  const polls = new Map<string, PollEntry[]>();
  /** taskUUIDs with a caller's getResponse written on the current socket and not yet answered. */
  const pollsSent = new Set<string>();
  const groups = new Map<SendGroup, Entry[]>();

  const write = (tasks: TaskPayload[]): boolean => {
    const connection = manager.current();
    if (!connection || tasks.length === 0) return false;
    log('send', `frame of ${tasks.length} task(s)`, {
      taskTypes: [...new Set(tasks.map((t) => t.taskType))],
    });
    return connection.send(JSON.stringify(tasks));
  };

  const armAck = (entry: SubmitEntry) => {
    if (entry.mode !== 'async') return;
    if (entry.ackTimer) clearTimeout(entry.ackTimer);
    entry.ackTimer = setTimeout(() => {
      entry.ackTimer = undefined;
      if (entry.done || entry.phase !== 'sent' || !manager.current()) return;
      recovery.probe(entry);
      armAck(entry);
    }, options.ackTimeoutMs);
  };

  /** Writes queued submits (one frame per send, as the caller batched them) and queued polls. */
  const flush = () => {
    if (!manager.current()) return;
    const byGroup = new Map<SendGroup, SubmitEntry[]>();
    for (const entry of submits.values()) {
      if (entry.phase !== 'queued' || entry.done) continue;
      byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry]);
    }
    for (const entries of byGroup.values()) {
      // Marked before the write: a socket that dies during it leaves them uncertain, so they are probed.
      for (const entry of entries) {
        entry.phase = 'sent';
        entry.submits += 1;
      }
      if (!write(entries.map((entry) => entry.task))) {
        for (const entry of entries) {
          entry.phase = 'queued';
          entry.submits -= 1;
        }
        return;
      }
      for (const entry of entries) armAck(entry);
    }
    const due = [...polls.keys()].filter((uuid) => !pollsSent.has(uuid));
    if (due.length > 0 && write(due.map((taskUUID) => ({ taskType: 'getResponse', taskUUID }))))
      for (const uuid of due) pollsSent.add(uuid);
  };

  const resend = (entry: SubmitEntry) => {
    entry.phase = 'queued';
    entry.recovering = false;
    flush();
  };

  const hooks: RoutingHooks = {
    resend,
    keepPolling: () => recovery.keepPolling(),
    collect: (entry) => recovery.collect(entry),
    log,
  };

  const recovery = createRecovery({
    graceMs: options.replayGraceMs,
    submits: () => submits.values(),
    write,
    log,
  });

  const forget = (entries: readonly Entry[]) => {
    for (const entry of entries) {
      const uuid = entry.task.taskUUID;
      if (entry.kind === 'submit') {
        if (submits.get(uuid) === entry) submits.delete(uuid);
        continue;
      }
      const left = (polls.get(uuid) ?? []).filter((waiter) => waiter !== entry);
      if (left.length > 0) polls.set(uuid, left);
      else polls.delete(uuid);
    }
  };

  const rejectAll = (error: Parameters<typeof failGroup>[2]) => {
    for (const [group, entries] of [...groups]) failGroup(group, entries, error);
  };

  const onFrame = (text: string) => {
    const frame = readFrame(text);
    if (frame.kind === 'malformed') {
      log('warn', `ignored a malformed frame (${frame.reason})`, { frame: text.slice(0, 200) });
      return;
    }
    for (const raw of frame.unscoped) {
      if (classifyErrorCode(raw.code) === 'auth') {
        // The server revoked the session: no task can succeed on it.
        log('auth', `auth error on an open socket: ${raw.code}`);
        manager.abandon(authError(raw));
        return;
      }
      log('warn', `error without taskUUID, not routed: ${raw.code}`, raw);
    }
    for (const uuid of new Set([...frame.items.keys(), ...frame.errors.keys()])) {
      const items = frame.items.get(uuid) ?? [];
      const errors = frame.errors.get(uuid) ?? [];
      const waiters = polls.get(uuid);
      // Any answer about the task ends the outstanding poll: a later getResponse is written anew.
      pollsSent.delete(uuid);
      if (waiters) {
        polls.delete(uuid);
        routeToPolls(waiters, items, errors);
      }
      const entry = submits.get(uuid);
      if (entry && !entry.done) routeToSubmit(entry, items, errors, hooks);
      else if (!waiters) log('receive', 'frame for no pending task (late or duplicate)', { taskUUID: uuid });
    }
  };

  const manager = createConnectionManager(options, log, {
    onFrame,
    onReady(reconnected) {
      flush();
      if (reconnected) recovery.afterReconnect();
    },
    onDrop() {
      recovery.stop();
      pollsSent.clear();
      for (const entry of submits.values()) {
        if (entry.ackTimer) clearTimeout(entry.ackTimer);
        entry.ackTimer = undefined;
      }
    },
    onGiveUp(error) {
      recovery.stop();
      pollsSent.clear();
      rejectAll(error);
    },
  });

  const send = (tasks: readonly TaskPayload[], sendOptions: SendOptionsV1 = {}): Promise<TransportResultV1> =>
    new Promise<TransportResultV1>((resolve, reject) => {
      const signal = sendOptions.signal;
      const only = tasks.length === 1 ? tasks[0]?.taskUUID : undefined;
      if (signal?.aborted) return reject(abortedError(signal.reason, only));
      const timeoutMs = sendOptions.timeoutMs ?? options.timeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => failGroup(group, entries, abortedError(signal?.reason, only));
      const group: SendGroup = {
        remaining: 0,
        data: [],
        errors: [],
        onItem: sendOptions.onItem,
        settled: false,
        resolve,
        reject,
        cleanup() {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          groups.delete(group);
          forget(entries);
        },
      };
      const entries: Entry[] = [];
      for (const task of tasks) {
        if (task.taskType === 'getResponse') {
          const waiter: PollEntry = { kind: 'poll', task, group, done: false };
          polls.set(task.taskUUID, [...(polls.get(task.taskUUID) ?? []), waiter]);
          entries.push(waiter);
        } else if (submits.has(task.taskUUID) || entries.some((e) => e.task.taskUUID === task.taskUUID)) {
          // Never written: a second live submit of one taskUUID could not be told apart on the wire.
          group.errors.push({
            code: 'conflictTaskUUID',
            message: `Task ${task.taskUUID} is already pending on this transport.`,
            taskUUID: task.taskUUID,
            taskType: task.taskType,
            parameter: 'taskUUID',
          });
        } else {
          const entry = newSubmitEntry(task, group);
          submits.set(task.taskUUID, entry);
          entries.push(entry);
        }
      }
      group.remaining = entries.length;
      if (entries.length === 0) return resolve({ data: [], errors: group.errors });
      groups.set(group, entries);
      timer = setTimeout(() => failGroup(group, entries, timeoutError(timeoutMs, only)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      manager.ensure();
      flush();
    });

  const disconnect = async () => {
    recovery.stop();
    pollsSent.clear();
    rejectAll(disconnectedError());
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
