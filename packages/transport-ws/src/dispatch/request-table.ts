import type { RawApiError, ResultItem, RunwareError, TaskPayload } from '@runware/core';
import { ackItem, answersWithAck, expectedItems } from '@runware/core/transport-kit';
import type { WebSocketLogger } from '../options';
import { DeadlineQueue } from './deadline-queue';
import { errorKey, itemKey } from './dedupe-keys';
import {
  addKey,
  type Entry,
  type OpenRequest,
  type PollEntry,
  Request,
  type RequestCallbacks,
  type SubmitEntry,
  type SubmitView,
} from './table-entries';

export type { OpenRequest, RequestCallbacks, SubmitPhase, SubmitView } from './table-entries';

export interface RequestTableSettings {
  /** How long an async submit waits for its ACK, ms. */
  ackTimeout: number;
  /** An async submit is still unconfirmed `ackTimeout` after it was written. */
  onAckLate(entry: SubmitView): void;
  log: WebSocketLogger;
}

/**
 * The one owner of the transport's pending work: every send() in flight, its submitted tasks
 * (`SubmitView`) and its getResponse polls. Nothing else creates, changes or removes them; the
 * socket, routing and recovery modules read views and call the operations below.
 */
export interface RequestTable {
  // --- send() lifecycle
  /**
   * Registers one send(). Submits are queued, getResponse tasks wait for the next frame about
   * their taskUUID. A taskUUID already pending is answered with `conflictTaskUUID` and never
   * written. Returns undefined when the send was answered at once (`resolve` already called).
   */
  open(tasks: readonly TaskPayload[], callbacks: RequestCallbacks): OpenRequest | undefined;
  /** Fails every send in flight (the transport closed, or no socket will come). */
  failAll(error: RunwareError): void;
  /**
   * Fails every send with something written on the current socket and not yet answered (submits
   * not queued, polls sent): an answer was lost that could have been any of theirs.
   */
  failWritten(error: RunwareError): void;

  // --- views
  /** The live (not done) submit of `taskUUID`. */
  submit(taskUUID: string): SubmitView | undefined;
  /** The live getTaskDetails reading `taskUUID` (it may be pending next to that task's submit). */
  lookup(taskUUID: string): SubmitView | undefined;
  /** Known sync tasks collected by polling (after a drop or a failed result). */
  recovering(): SubmitView[];
  /** Tasks whose fate a drop made unsure: written and unconfirmed, or recovering. */
  uncertain(): SubmitView[];

  // --- writing
  /** Submits waiting for a socket, one batch per send() (as the caller batched them). */
  queuedBatches(): SubmitView[][];
  /** A batch is about to be written: `sent` from now (a socket dying during the write leaves them unsure). */
  markSent(batch: readonly SubmitView[]): void;
  /** The write of a batch failed: queued again. */
  writeFailed(batch: readonly SubmitView[]): void;
  /** Starts (or restarts) the ACK deadline of an async submit. */
  armAck(entry: SubmitView): void;
  /** taskUUIDs of the caller's polls not yet written on the current socket. */
  duePolls(): string[];
  markPollsSent(taskUUIDs: readonly string[]): void;

  // --- the socket
  /** The socket went away: nothing is outstanding on a socket any more (polls, probes, ACK deadlines). */
  socketLost(): void;
  /** A new socket after a drop: every sync task the server may have has lost pushed items; collect them. */
  recoverInFlight(): void;

  // --- answers
  /**
   * Answers the caller's polls of `taskUUID` with this frame's state (getResponse answers only, see
   * routeFrame); true when there were any. Nothing to give (no item, no error) answers nothing.
   */
  answerPolls(taskUUID: string, items: readonly ResultItem[], errors: readonly RawApiError[]): boolean;
  /** The server has the task; its ACK deadline and probe are over. */
  markKnown(entry: SubmitView): void;
  /** A frame carried the task's items: its polls are no longer quiet. */
  heardItems(entry: SubmitView): void;
  /** Collect the task through getResponse from now on. */
  markRecovering(entry: SubmitView): void;
  /** The server never saw the task: queue it to be written again. */
  requeue(entry: SubmitView): void;
  /** getResponse probes are written for these tasks. */
  startProbes(entries: readonly SubmitView[]): void;
  /** Their probe frame could not be written, or their probe was answered. */
  stopProbes(entries: readonly SubmitView[]): void;
  /** Adds an error to the task's send once per distinct error; true when it was new. */
  recordError(entry: SubmitView, raw: RawApiError): boolean;
  /** One failed result slot reported outside a listing, counted once per distinct error. */
  failSlot(entry: SubmitView, raw: RawApiError): void;
  /** A listing of every slot: it replaces the failures counted from pushes. */
  applyListing(entry: SubmitView, failedSlots: number): void;
  /** Reports one result item (and calls onItem) unless this transport reported it already; true when new. */
  addResult(entry: SubmitView, item: ResultItem): boolean;
  /** An async task is accepted: its send gets the ACK (`item`, or one made from the task). */
  acceptAck(entry: SubmitView, item?: ResultItem): void;
  /** The task is answered; its send resolves with its last task. */
  finish(entry: SubmitView): void;
  /** Records the error and finishes the task. */
  finishWithError(entry: SubmitView, raw: RawApiError): void;
}

/**
 * Where a submit is filed. A getTaskDetails carries the taskUUID of the task it reads, which may be
 * pending here too: it gets a key of its own, so asking about a running task is no conflict.
 */
const lookupKey = (taskUUID: string) => `getTaskDetails:${taskUUID}`;
const keyOf = (task: TaskPayload) =>
  task.taskType === 'getTaskDetails' ? lookupKey(task.taskUUID) : task.taskUUID;

export function createRequestTable(settings: RequestTableSettings): RequestTable {
  const { log } = settings;
  /** getTaskDetails entries in `submits`: with none (the usual case) a frame needs no lookup key. */
  let lookups = 0;
  /** Live submits by `keyOf` their task. */
  const submits = new Map<string, SubmitEntry>();
  const polls = new Map<string, PollEntry[]>();
  /** Submits waiting for a socket, in the order they were queued. */
  const queued = new Set<SubmitEntry>();
  /** Sync submits collected through getResponse. */
  const recoveringSet = new Set<SubmitEntry>();
  /** taskUUIDs with a caller's getResponse written on the current socket and not yet answered. */
  const pollsSent = new Set<string>();
  /** taskUUIDs with a caller's getResponse waiting and none written on the current socket. */
  const pollsDue = new Set<string>();
  const requests = new Set<Request>();
  /** ACK deadlines of async submits written on the current socket: one timer for all of them. */
  const ackDeadlines = new DeadlineQueue<SubmitEntry>(settings.ackTimeout, (entry) => {
    if (entry.done || entry.phase !== 'sent') return;
    settings.onAckLate(entry);
  });

  // Every view handed out is one of this table's entries.
  const own = (view: SubmitView) => view as SubmitEntry;

  const clearAck = (entry: SubmitEntry) => ackDeadlines.delete(entry);

  const setRecovering = (entry: SubmitEntry, on: boolean) => {
    entry.recovering = on;
    if (on && !entry.done) recoveringSet.add(entry);
    else recoveringSet.delete(entry);
  };

  /** Stops routing to an entry: no timer, in no queue. */
  const close = (entry: Entry) => {
    entry.done = true;
    if (entry.kind !== 'submit') return;
    clearAck(entry);
    queued.delete(entry);
    recoveringSet.delete(entry);
  };

  /** Removes a settled send's entries from the maps. */
  const remove = (request: Request) => {
    requests.delete(request);
    for (const entry of request.entries) {
      const uuid = entry.task.taskUUID;
      if (entry.kind === 'submit') {
        const key = keyOf(entry.task);
        if (submits.get(key) !== entry) continue;
        submits.delete(key);
        if (key !== uuid) lookups -= 1;
        continue;
      }
      const left = (polls.get(uuid) ?? []).filter((waiter) => waiter !== entry);
      if (left.length > 0) polls.set(uuid, left);
      else {
        polls.delete(uuid);
        pollsDue.delete(uuid);
      }
    }
  };

  const finishEntry = (entry: Entry) => {
    if (entry.done) return;
    close(entry);
    const request = entry.request;
    request.remaining -= 1;
    if (request.remaining > 0 || request.settled) return;
    request.settled = true;
    remove(request);
    request.callbacks.resolve(request.answer());
  };

  const failRequest = (request: Request, error: RunwareError) => {
    if (request.settled) return;
    request.settled = true;
    for (const entry of request.entries) close(entry);
    remove(request);
    request.callbacks.reject(error);
  };

  const recordError = (entry: SubmitEntry, raw: RawApiError): boolean => {
    const seen = addKey(entry.errorsSeen, errorKey(raw));
    if (seen === undefined) return false;
    entry.errorsSeen = seen;
    entry.request.addError({
      ...raw,
      taskUUID: entry.task.taskUUID,
      taskType: raw.taskType ?? entry.task.taskType,
    });
    return true;
  };

  const markKnown = (entry: SubmitEntry) => {
    entry.phase = 'known';
    entry.probing = false;
    clearAck(entry);
  };

  const newSubmit = (task: TaskPayload, request: Request): SubmitEntry => ({
    kind: 'submit',
    request,
    task,
    mode: answersWithAck(task) ? 'async' : 'sync',
    phase: 'queued',
    probing: false,
    recovering: false,
    submits: 0,
    expected: expectedItems(task),
    count: 0,
    failedListed: 0,
    failedSince: 0,
    quietPolls: 0,
    seen: undefined,
    errorsSeen: undefined,
    done: false,
  });

  const addPoll = (task: TaskPayload, request: Request): PollEntry => {
    const waiter: PollEntry = { kind: 'poll', request, task, done: false };
    const uuid = task.taskUUID;
    const waiting = polls.get(uuid);
    if (waiting) waiting.push(waiter);
    else polls.set(uuid, [waiter]);
    if (!pollsSent.has(uuid)) pollsDue.add(uuid);
    return waiter;
  };

  return {
    open(tasks, callbacks) {
      const request = new Request(callbacks, failRequest);
      /** Keys this send already holds (a submit, a lookup or a poll); a send of one task needs none. */
      const inThisSend = tasks.length > 1 ? new Set<string>() : undefined;
      for (const task of tasks) {
        if (typeof task.taskUUID !== 'string' || task.taskUUID === '') {
          // Answers are routed by taskUUID alone: one without could only be answered by an error that
          // names no task. The server's answer is known (missingTaskUUID), so give it now.
          request.addError({
            code: 'missingTaskUUID',
            message: `A ${task.taskType} task needs a taskUUID (a UUID string).`,
            taskType: task.taskType,
            parameter: 'taskUUID',
          });
        } else if (task.taskType === 'getResponse') {
          inThisSend?.add(task.taskUUID);
          request.entries.push(addPoll(task, request));
        } else if (submits.has(keyOf(task)) || inThisSend?.has(keyOf(task))) {
          // Never written: a second live submit of one taskUUID could not be told apart on the wire.
          request.addError({
            code: 'conflictTaskUUID',
            message: `Task ${task.taskUUID} is already pending on this transport.`,
            taskUUID: task.taskUUID,
            taskType: task.taskType,
            parameter: 'taskUUID',
          });
        } else {
          const entry = newSubmit(task, request);
          const key = keyOf(task);
          inThisSend?.add(key);
          submits.set(key, entry);
          if (key !== task.taskUUID) lookups += 1;
          queued.add(entry);
          request.entries.push(entry);
        }
      }
      // Exact size: an array grown by push keeps room for 16 more entries per send in flight.
      request.entries = request.entries.slice();
      request.remaining = request.entries.length;
      if (request.remaining === 0) {
        request.settled = true;
        callbacks.resolve(request.answer());
        return undefined;
      }
      requests.add(request);
      return request;
    },

    failAll(error) {
      for (const request of [...requests]) failRequest(request, error);
    },

    failWritten(error) {
      const written = (entry: Entry) =>
        !entry.done &&
        (entry.kind === 'submit' ? entry.phase !== 'queued' : pollsSent.has(entry.task.taskUUID));
      for (const request of [...requests]) {
        if (!request.entries.some(written)) continue;
        // Their answer is gone: a later poll of the same taskUUID must be written, not wait for it.
        for (const entry of request.entries) if (entry.kind === 'poll') pollsSent.delete(entry.task.taskUUID);
        failRequest(request, error);
      }
    },

    submit(taskUUID) {
      const entry = submits.get(taskUUID);
      return entry && !entry.done ? entry : undefined;
    },

    lookup(taskUUID) {
      if (lookups === 0) return undefined;
      const entry = submits.get(lookupKey(taskUUID));
      return entry && !entry.done ? entry : undefined;
    },

    recovering: () => [...recoveringSet].filter((entry) => entry.mode === 'sync' && entry.phase === 'known'),

    uncertain() {
      const out: SubmitView[] = [];
      for (const entry of submits.values()) {
        if (!entry.done && (entry.phase === 'sent' || (entry.recovering && entry.phase === 'known')))
          out.push(entry);
      }
      return out;
    },

    queuedBatches() {
      if (queued.size === 0) return [];
      if (queued.size === 1) return [[...queued]];
      const batches = new Map<Request, SubmitView[]>();
      for (const entry of queued) {
        const batch = batches.get(entry.request);
        if (batch) batch.push(entry);
        else batches.set(entry.request, [entry]);
      }
      return [...batches.values()];
    },

    markSent(batch) {
      for (const view of batch) {
        const entry = own(view);
        queued.delete(entry);
        entry.phase = 'sent';
        entry.submits += 1;
      }
    },

    writeFailed(batch) {
      for (const view of batch) {
        const entry = own(view);
        entry.phase = 'queued';
        entry.submits -= 1;
        if (!entry.done) queued.add(entry);
      }
    },

    armAck(view) {
      const entry = own(view);
      if (entry.mode !== 'async' || entry.done) return;
      ackDeadlines.add(entry);
    },

    duePolls: () => (pollsDue.size === 0 ? [] : [...pollsDue]),

    markPollsSent(taskUUIDs) {
      for (const uuid of taskUUIDs) {
        pollsDue.delete(uuid);
        pollsSent.add(uuid);
      }
    },

    socketLost() {
      for (const uuid of pollsSent) if (polls.has(uuid)) pollsDue.add(uuid);
      pollsSent.clear();
      ackDeadlines.clear();
      for (const entry of submits.values()) entry.probing = false;
    },

    recoverInFlight() {
      for (const entry of submits.values()) {
        if (!entry.done && entry.mode === 'sync' && entry.phase !== 'queued') setRecovering(entry, true);
      }
    },

    answerPolls(taskUUID, items, errors) {
      if (items.length === 0 && errors.length === 0) return false;
      // Any answer about the task ends the outstanding poll: a later getResponse is written anew.
      pollsSent.delete(taskUUID);
      pollsDue.delete(taskUUID);
      const waiters = polls.get(taskUUID);
      if (!waiters) return false;
      polls.delete(taskUUID);
      for (const waiter of waiters) {
        if (waiter.done) continue;
        for (const item of items) waiter.request.addItem(item);
        for (const raw of errors) waiter.request.addError(raw);
        finishEntry(waiter);
      }
      return true;
    },

    markKnown: (view) => markKnown(own(view)),

    heardItems(view) {
      own(view).quietPolls = 0;
    },

    markRecovering: (view) => setRecovering(own(view), true),

    requeue(view) {
      const entry = own(view);
      if (entry.done) return;
      entry.phase = 'queued';
      setRecovering(entry, false);
      queued.add(entry);
    },

    startProbes(views) {
      for (const view of views) {
        const entry = own(view);
        entry.probing = true;
        entry.quietPolls += 1;
      }
    },

    stopProbes(views) {
      for (const view of views) own(view).probing = false;
    },

    recordError: (view, raw) => recordError(own(view), raw),

    failSlot(view, raw) {
      const entry = own(view);
      if (recordError(entry, raw)) entry.failedSince += 1;
    },

    applyListing(view, failedSlots) {
      const entry = own(view);
      entry.failedListed = failedSlots;
      entry.failedSince = 0;
    },

    addResult(view, item) {
      const entry = own(view);
      const seen = addKey(entry.seen, itemKey(item));
      if (seen === undefined) return false;
      entry.seen = seen;
      entry.count += 1;
      entry.request.addItem(item);
      try {
        entry.request.callbacks.onItem?.(item);
      } catch (error) {
        // A throwing callback must not break dispatch for every other task on the socket.
        log('warn', 'onItem threw; the item is still delivered', {
          taskUUID: item.taskUUID,
          error: String(error),
        });
      }
      return true;
    },

    acceptAck(view, item) {
      const entry = own(view);
      entry.request.addItem(item ?? ackItem(entry.task));
      finishEntry(entry);
    },

    finish: (view) => finishEntry(own(view)),

    finishWithError(view, raw) {
      recordError(own(view), raw);
      finishEntry(own(view));
    },
  };
}
