import WebSocket from 'ws';
import type { EmulatorContext } from '../context';
import type { FrameSink } from '../state/sessions';

/** Frames a `malformedFrames` fault sends, in turn: not JSON, then JSON of the wrong shapes. */
const malformed = [
  '{"data": [',
  '{"data": "not an array"}',
  '[1, 2, 3]',
  '{"unexpected": true}',
  'not json at all',
];

export interface SocketSink extends FrameSink {
  /** Set when the server itself closed the socket (a fault, auth failure, inactivity). */
  closedByServer(): boolean;
  closeByServer(code: number, reason: string): void;
}

/**
 * Sends frames on one socket, applying the WebSocket faults on the way out. A frame the socket
 * could not take is reported (false) so the session keeps it for a resume; `onLost` gets a frame
 * that was held back (reorder fault) when the socket died before it went out.
 */
export function createSocketSink(
  ctx: EmulatorContext,
  ws: WebSocket,
  onLost: (frame: string) => void,
): SocketSink {
  let serverClosed = false;
  let held: string | undefined;
  let malformedTurn = 0;
  const context = { transport: 'ws' as const };
  const open = () => ws.readyState === WebSocket.OPEN;
  const raw = (frame: string) => ws.send(frame);

  const sink: SocketSink = {
    closedByServer: () => serverClosed,
    closeByServer(code, reason) {
      serverClosed = true;
      ws.close(code, reason);
    },
    send(frame) {
      if (!open()) return false;
      const cut = ctx.faults.take('wsClose', context);
      if (cut) {
        serverClosed = true;
        if (cut.mode === 'close') ws.close(cut.closeCode ?? 1011, 'injected fault');
        else ws.terminate();
        return false;
      }
      if (ctx.faults.take('malformedFrames', context))
        raw(malformed[malformedTurn++ % malformed.length] ?? '{');
      if (held === undefined && ctx.faults.take('reorderFrames', context)) {
        held = frame;
        ctx.scheduler.after(20, () => {
          const late = held;
          held = undefined;
          if (late === undefined) return;
          if (open()) raw(late);
          else onLost(late);
        });
        return true;
      }
      raw(frame);
      if (held !== undefined) {
        raw(held);
        held = undefined;
      }
      if (ctx.faults.take('duplicateFrames', context)) raw(frame);
      return true;
    },
  };
  return sink;
}
