import type { RunwareError } from '@runware/core';
import type { WebSocketLike, WebSocketLogger } from '../options';
import { authFrame, readAuthReply } from './authenticate';
import { startHeartbeat } from './heartbeat';
import { messageSize, messageText } from './message-text';
import { type ParsedFrame, parseFrame } from './parse-frame';
import { authError, authTimeoutError, connectionFailedError } from './socket-errors';
import type { OpenSocket } from './socket-factory';

const OPEN = 1;

export interface ConnectionSettings {
  open: OpenSocket;
  url: string;
  apiKey: string;
  /** The session to resume, if any. */
  sessionId: string | undefined;
  /** Bounds the WebSocket handshake and the authentication together, ms. */
  authTimeout: number;
  heartbeatInterval: number;
  inactivityTimeout: number;
  /** Largest inbound message read, bytes; `ws` enforces it itself (maxPayload). */
  maxResponseSize: number;
  log: WebSocketLogger;
  /** A message over maxResponseSize came after authentication; it was not read. */
  onOversized: () => void;
  /** Every well-formed frame after the authentication reply, in order (replayed frames included). */
  onFrame: (frame: ParsedFrame) => void;
  /** The authenticated socket went away without `close()`: close, error, silence, failed send. */
  onDrop: (reason: string) => void;
}

export interface Connection {
  readonly sessionId: string;
  /** Writes one frame; false (and a drop) when the socket cannot take it. */
  send(text: string): boolean;
  /** Intentional close: no `onDrop`. Resolves when the socket is closed (at most ~1 s). */
  close(): Promise<void>;
}

export interface PendingConnection {
  ready: Promise<Connection>;
  /** Abandons the handshake and closes the socket at once (the promise rejects). */
  cancel(): void;
}

export interface ConnectFailure {
  error: RunwareError;
  /** The server refused the credentials: retrying cannot help. */
  fatal: boolean;
}

type Phase =
  | { kind: 'opening' }
  | { kind: 'authenticating'; timer: ReturnType<typeof setTimeout> }
  | { kind: 'ready'; stopHeartbeat: () => void }
  | { kind: 'closed' };

/** Force-closes a socket: `ws` has terminate() (no closing handshake to wait for); others close(). */
function hardClose(socket: WebSocketLike, code: number, reason: string): void {
  const terminate = (socket as { terminate?: unknown }).terminate;
  try {
    if (typeof terminate === 'function') terminate.call(socket);
    else socket.close(code, reason);
  } catch {
    // Already closed.
  }
}

/** `ws`'s error for a frame over its maxPayload. */
const isOversized = (event: unknown) =>
  (event as { error?: { code?: unknown } } | null)?.error?.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * Opens one socket and authenticates on it (resuming `sessionId` when given). Resolves with the
 * ready connection, or rejects with a ConnectFailure. After that, frames go to `onFrame`, and
 * any unexpected end of the socket is reported once through `onDrop`.
 */
export function openConnection(settings: ConnectionSettings): PendingConnection {
  const { log } = settings;
  let cancel = () => {};
  const ready = new Promise<Connection>((resolve, reject) => {
    let phase: Phase = { kind: 'opening' };
    let lastInbound = Date.now();
    let closedResolvers: (() => void)[] = [];
    let socket: WebSocketLike;

    // One deadline bounds the whole connect: the WebSocket handshake and then authentication, so a
    // server that accepts TCP but never upgrades cannot hang connect() forever.
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const fail = (failure: ConnectFailure) => {
      if (deadline) clearTimeout(deadline);
      phase = { kind: 'closed' };
      detach();
      hardClose(socket, 1000, 'handshake failed');
      reject(failure);
    };
    const drop = (reason: string) => {
      if (phase.kind !== 'ready') return;
      phase.stopHeartbeat();
      phase = { kind: 'closed' };
      detach();
      hardClose(socket, 4000, reason);
      settings.onDrop(reason);
    };
    const detach = () => {
      socket.onopen = null;
      socket.onmessage = null;
      // A no-op, not null: closing a socket that is still connecting makes `ws` emit 'error', and
      // an EventEmitter 'error' without a listener is thrown.
      socket.onerror = () => {};
      // Keep onclose so close() can learn when the socket is really gone.
    };
    const send = (text: string): boolean => {
      try {
        if (socket.readyState !== OPEN) throw new Error('socket not open');
        socket.send(text);
        return true;
      } catch (cause) {
        log('error', 'send failed', { error: String(cause) });
        drop('send failed');
        return false;
      }
    };

    try {
      socket = settings.open(settings.url);
    } catch (cause) {
      reject({ error: connectionFailedError(settings.url, cause), fatal: false } satisfies ConnectFailure);
      return;
    }
    deadline = setTimeout(() => {
      if (phase.kind === 'opening') {
        fail({
          error: connectionFailedError(
            settings.url,
            `no WebSocket handshake within ${settings.authTimeout} ms`,
          ),
          fatal: false,
        });
      } else if (phase.kind === 'authenticating') {
        fail({ error: authTimeoutError(settings.authTimeout), fatal: false });
      }
    }, settings.authTimeout);
    cancel = () => {
      if (phase.kind === 'opening' || phase.kind === 'authenticating')
        fail({ error: connectionFailedError(settings.url, 'cancelled'), fatal: false });
    };

    const connection: Connection = {
      get sessionId() {
        return sessionId;
      },
      send,
      close() {
        if (phase.kind === 'ready') phase.stopHeartbeat();
        if (deadline) clearTimeout(deadline);
        const wasOpen = phase.kind !== 'closed' || socket.readyState === OPEN;
        phase = { kind: 'closed' };
        detach();
        if (!wasOpen || socket.readyState === 3) return Promise.resolve();
        return new Promise<void>((done) => {
          // A server that never answers the closing handshake must not hold the process.
          const timer = setTimeout(() => {
            hardClose(socket, 1000, 'disconnect');
            done();
          }, 1000);
          closedResolvers.push(() => {
            clearTimeout(timer);
            done();
          });
          try {
            socket.close(1000, 'disconnect');
          } catch {
            clearTimeout(timer);
            done();
          }
        });
      },
    };
    let sessionId = settings.sessionId ?? '';

    socket.onopen = () => {
      if (phase.kind !== 'opening') return;
      log('connection', `open ${settings.url}`);
      // The connect deadline started with the socket keeps running through authentication.
      const timer =
        deadline ??
        setTimeout(
          () => fail({ error: authTimeoutError(settings.authTimeout), fatal: false }),
          settings.authTimeout,
        );
      phase = { kind: 'authenticating', timer };
      log('auth', settings.sessionId ? `resuming session ${settings.sessionId}` : 'authenticating');
      if (!send(authFrame(settings.apiKey, settings.sessionId)))
        fail({ error: connectionFailedError(settings.url, 'could not send authentication'), fatal: false });
    };
    socket.onmessage = (event) => {
      lastInbound = Date.now();
      if (messageSize(event.data, settings.maxResponseSize) > settings.maxResponseSize) {
        log('warn', `ignored a message over maxResponseSize (${settings.maxResponseSize} bytes)`);
        if (phase.kind === 'ready') settings.onOversized();
        return;
      }
      const text = messageText(event.data);
      if (text === undefined) {
        log('warn', 'ignored a non-text message');
        return;
      }
      if (phase.kind !== 'ready' && phase.kind !== 'authenticating') return;
      const frame = parseFrame(text);
      if (frame.kind === 'malformed') {
        log('warn', `ignored a malformed frame (${frame.reason})`, { frame: text.slice(0, 200) });
        return;
      }
      if (phase.kind === 'ready') {
        settings.onFrame(frame);
        return;
      }
      const reply = readAuthReply(frame);
      if (reply.kind === 'other') return;
      if (reply.kind === 'failed') {
        log('auth', `authentication refused: ${reply.error.code}`);
        fail({ error: authError(reply.error), fatal: true });
        return;
      }
      clearTimeout(phase.timer);
      sessionId = reply.sessionId;
      log('auth', settings.sessionId === sessionId ? 'session resumed' : 'authenticated', { sessionId });
      // Ready synchronously, so frames replayed right behind the reply are routed, not lost.
      const stopHeartbeat = startHeartbeat({
        intervalMs: settings.heartbeatInterval,
        inactivityTimeoutMs: settings.inactivityTimeout,
        ping: () => {
          log('heartbeat', 'ping');
          return send('[{"taskType":"ping","ping":true}]');
        },
        lastInbound: () => lastInbound,
        onDead: (reason) => {
          log('heartbeat', reason);
          drop(reason);
        },
      });
      phase = { kind: 'ready', stopHeartbeat };
      resolve(connection);
    };
    socket.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      log('error', 'socket error', { error: typeof message === 'string' ? message : 'error event' });
      if (phase.kind === 'ready' && isOversized(event)) {
        // `ws` refused a frame over maxPayload (and closes with 1009): its answer is lost.
        settings.onOversized();
        drop('response too large');
      } else if (phase.kind === 'ready') drop('socket error');
      else if (phase.kind !== 'closed')
        fail({ error: connectionFailedError(settings.url, message ?? 'socket error'), fatal: false });
    };
    socket.onclose = (event) => {
      const resolvers = closedResolvers;
      closedResolvers = [];
      for (const done of resolvers) done();
      log('connection', `closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
      if (phase.kind === 'ready' && event.code === 1009) {
        // Closed for a message too big (by `ws` without its error event, or by a browser).
        settings.onOversized();
        drop('response too large');
      } else if (phase.kind === 'ready') drop(`closed by the server (${event.code})`);
      else if (phase.kind !== 'closed')
        fail({ error: connectionFailedError(settings.url, `closed with code ${event.code}`), fatal: false });
    };
  });
  return { ready, cancel: () => cancel() };
}
