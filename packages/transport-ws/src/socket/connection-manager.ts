import { classifyErrorCode, type RunwareError } from '@runware/core';
import type { ResolvedOptions } from '../options';
import { type ConnectFailure, type Connection, openConnection } from './connection';
import type { ParsedFrame } from './parse-frame';
import { createReconnectPolicy } from './reconnect-policy';
import { authError, reconnectionFailedError } from './socket-errors';
import { type OpenSocket, resolveSocketFactory } from './socket-factory';

/** Where the one socket of a transport stands. */
type State =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number }
  | { kind: 'waiting'; attempt: number; timer: ReturnType<typeof setTimeout> }
  | { kind: 'open'; connection: Connection };

export interface ConnectionEvents {
  /** A frame about tasks (errors that name no task were handled here: logged, or fatal for auth). */
  onFrame(frame: ParsedFrame): void;
  /** A socket is authenticated; `reconnected` after a drop (work may be in flight). */
  onReady(reconnected: boolean): void;
  /** An inbound frame exceeded maxResponseSize and was not read (the socket may drop next). */
  onOversized(): void;
  /** The socket dropped; a reconnect is scheduled. */
  onDrop(reason: string): void;
  /** No socket will come: the first connect failed, auth was refused, or attempts ran out. */
  onGiveUp(error: RunwareError): void;
}

export interface ConnectionManager {
  /** Connects (or waits for the connection under way); resets the reconnect counter. */
  connect(): Promise<void>;
  /** Starts connecting if idle, without waiting. */
  ensure(): void;
  current(): Connection | undefined;
  sessionId(): string | undefined;
  /** Closes the socket and stops reconnecting; the next connect() starts afresh. */
  disconnect(): Promise<void>;
}

/**
 * Owns the socket: the first connect (not retried: its failure is the caller's answer), and after
 * a drop, reconnects with backoff, resuming the same session so the server replays what it
 * produced meanwhile. Errors that name no task stop here; frames about tasks go to `onFrame`.
 */
export function createConnectionManager(
  options: ResolvedOptions,
  events: ConnectionEvents,
): ConnectionManager {
  const { log } = options;
  const policy = createReconnectPolicy(options);
  let state: State = { kind: 'idle' };
  let session: string | undefined;
  let factory: Promise<OpenSocket> | undefined;
  let generation = 0;
  let cancelPending: (() => void) | undefined;
  let waiters: { resolve: () => void; reject: (error: RunwareError) => void }[] = [];

  const settleWaiters = (error?: RunwareError) => {
    const list = waiters;
    waiters = [];
    for (const waiter of list) error ? waiter.reject(error) : waiter.resolve();
  };

  const giveUp = (error: RunwareError) => {
    state = { kind: 'idle' };
    session = undefined;
    settleWaiters(error);
    events.onGiveUp(error);
  };

  const attempt = async (attemptNo: number) => {
    const mine = ++generation;
    state = { kind: 'connecting', attempt: attemptNo };
    try {
      factory ??= resolveSocketFactory(options.WebSocket, options.headers, options.maxResponseSize);
      const open = await factory;
      // disconnect() ran while the implementation was loading: open nothing.
      if (mine !== generation) return;
      const pending = openConnection({
        open,
        url: options.wsBaseUrl,
        apiKey: options.apiKey,
        sessionId: session,
        authTimeout: options.authTimeout,
        heartbeatInterval: options.heartbeatInterval,
        inactivityTimeout: options.inactivityTimeout,
        maxResponseSize: options.maxResponseSize,
        log,
        onOversized: () => {
          if (mine === generation) events.onOversized();
        },
        onFrame: (frame) => {
          if (mine === generation) receive(frame);
        },
        onDrop: (reason) => {
          if (mine !== generation) return;
          log('connection', `dropped: ${reason}`);
          schedule(1);
          events.onDrop(reason);
        },
      });
      cancelPending = pending.cancel;
      const connection = await pending.ready;
      if (mine === generation) cancelPending = undefined;
      if (mine !== generation) {
        // disconnect() ran while this attempt was in flight.
        await connection.close();
        return;
      }
      session = connection.sessionId;
      state = { kind: 'open', connection };
      events.onReady(attemptNo > 0);
      settleWaiters();
    } catch (failure) {
      if (mine !== generation) return;
      cancelPending = undefined;
      factory = failure instanceof Error ? undefined : factory;
      const { error, fatal } = toFailure(failure);
      log('error', `connect attempt ${attemptNo} failed: ${error.message}`, { rawCode: error.rawCode });
      if (fatal || attemptNo === 0) giveUp(error);
      else schedule(attemptNo + 1, error);
    }
  };

  /** Errors that name no task concern the socket: an auth error ends it, others are only logged. */
  const receive = (frame: ParsedFrame) => {
    for (const raw of frame.unscoped) {
      if (classifyErrorCode(raw.code) === 'auth') {
        // The server revoked the session: no task can succeed on it.
        log('auth', `auth error on an open socket: ${raw.code}`);
        abandon(authError(raw));
        return;
      }
      log('warn', `error without taskUUID, not routed: ${raw.code}`, raw);
    }
    events.onFrame(frame);
  };

  /** Fails the connection for good (an auth error on an open socket). */
  const abandon = (error: RunwareError) => {
    generation += 1;
    cancelPending?.();
    cancelPending = undefined;
    const previous = state;
    if (previous.kind === 'open') void previous.connection.close();
    if (previous.kind === 'waiting') clearTimeout(previous.timer);
    giveUp(error);
  };

  const schedule = (attemptNo: number, cause?: RunwareError) => {
    if (!policy.allows(attemptNo)) {
      log('retry', `giving up after ${attemptNo - 1} reconnect attempts`);
      giveUp(reconnectionFailedError(attemptNo - 1, cause));
      return;
    }
    const delay = policy.delay(attemptNo);
    log('retry', `reconnect attempt ${attemptNo} in ${Math.round(delay)} ms`);
    const timer = setTimeout(() => void attempt(attemptNo), delay);
    state = { kind: 'waiting', attempt: attemptNo, timer };
  };

  return {
    connect() {
      if (state.kind === 'open') return Promise.resolve();
      const pending = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      if (state.kind === 'idle') void attempt(0);
      else if (state.kind === 'waiting') {
        // An explicit connect() resets the counter and tries now.
        clearTimeout(state.timer);
        void attempt(1);
      }
      return pending;
    },
    ensure() {
      if (state.kind === 'idle') void attempt(0);
    },
    current: () => (state.kind === 'open' ? state.connection : undefined),
    sessionId: () => session,
    async disconnect() {
      generation += 1;
      cancelPending?.();
      cancelPending = undefined;
      const previous = state;
      state = { kind: 'idle' };
      session = undefined;
      if (previous.kind === 'waiting') clearTimeout(previous.timer);
      if (previous.kind === 'open') await previous.connection.close();
    },
  };
}

function toFailure(failure: unknown): ConnectFailure {
  if (typeof failure === 'object' && failure !== null && 'error' in failure && 'fatal' in failure)
    return failure as ConnectFailure;
  // resolveSocketFactory threw a RunwareError (no implementation): nothing to retry.
  return { error: failure as RunwareError, fatal: true };
}
