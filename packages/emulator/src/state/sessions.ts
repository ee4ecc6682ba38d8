import { randomUUID } from 'node:crypto';
import type { Scheduler } from './scheduler';

/** Where a session's outbound frames go: the WebSocket currently attached to it. */
export interface FrameSink {
  /** Sends one frame; false when the socket could not take it (closed, or a fault cut it). */
  send(frame: string): boolean;
}

export interface Session {
  id: string;
  apiKey: string;
  sink: FrameSink | undefined;
  /** Frames produced while no socket was attached, replayed in order on resume. */
  pending: string[];
  cancelExpiry?: () => void;
}

export interface Sessions {
  /** A new session, not yet attached to a socket. */
  create(apiKey: string): Session;
  /** A live session of this key; undefined when unknown, expired or another key's. */
  find(id: string, apiKey: string): Session | undefined;
  /** Attaches a socket and replays, in order, the frames kept while none was attached. */
  attach(session: Session, sink: FrameSink): void;
  /** Sends a frame to the session's socket, or keeps it for a resume. */
  deliver(session: Session, frame: string): void;
  /** Keeps a frame that a socket accepted but could not put on the wire after all. */
  requeue(session: Session, frame: string): void;
  detach(session: Session, sink: FrameSink): void;
  size(): number;
  clear(): void;
}

/** Undelivered frames kept per detached session at most; older ones are dropped first. */
const pendingCapacity = 10_000;

export function createSessions(ttlMs: number, scheduler: Scheduler): Sessions {
  const sessions = new Map<string, Session>();

  const keep = (session: Session, frame: string) => {
    session.pending.push(frame);
    if (session.pending.length > pendingCapacity) session.pending.shift();
  };

  const attach = (session: Session, sink: FrameSink) => {
    session.cancelExpiry?.();
    delete session.cancelExpiry;
    session.sink = sink;
    const backlog = session.pending;
    session.pending = [];
    for (let i = 0; i < backlog.length; i++) {
      const frame = backlog[i] ?? '';
      if (!sink.send(frame)) {
        // The new socket failed mid-replay: keep the rest for the next resume.
        session.sink = undefined;
        session.pending = [frame, ...backlog.slice(i + 1), ...session.pending];
        break;
      }
    }
  };

  return {
    create(apiKey) {
      const session: Session = { id: randomUUID(), apiKey, sink: undefined, pending: [] };
      sessions.set(session.id, session);
      return session;
    },
    find(id, apiKey) {
      const session = sessions.get(id);
      return session && session.apiKey === apiKey ? session : undefined;
    },
    attach,
    deliver(session, frame) {
      if (session.sink?.send(frame)) return;
      keep(session, frame);
    },
    requeue: keep,
    detach(session, sink) {
      if (session.sink !== sink) return;
      session.sink = undefined;
      session.cancelExpiry = scheduler.after(ttlMs, () => sessions.delete(session.id));
    },
    size: () => sessions.size,
    clear() {
      for (const session of sessions.values()) session.cancelExpiry?.();
      sessions.clear();
    },
  };
}
