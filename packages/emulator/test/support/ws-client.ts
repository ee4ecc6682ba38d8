import WebSocket from 'ws';

export type Frame = { data?: Record<string, unknown>[]; errors?: Record<string, unknown>[] } & Record<
  string,
  unknown
>;

/**
 * A bare WebSocket client written from PROTOCOL.md: sends JSON arrays, records every inbound
 * frame (raw text kept, so malformed frames can be asserted), and waits for frames by predicate.
 */
export class BareWs {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private closeWaiters: ((c: { code: number; reason: string }) => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      let frame: Frame;
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
        frame = parsed as Frame;
      } catch {
        return;
      }
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const waiter of this.closeWaiters) waiter(this.closed);
    });
    socket.on('error', () => {});
  }

  static open(url: string): Promise<BareWs> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new BareWs(socket)));
      socket.once('error', reject);
    });
  }

  send(tasks: unknown): void {
    this.socket.send(typeof tasks === 'string' ? tasks : JSON.stringify(tasks));
  }

  /** The first frame (already received, from index `from` on, or future) that passes `test`. */
  next(test: (f: Frame) => boolean, timeoutMs = 5000, from = 0): Promise<Frame> {
    const seen = this.frames.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 600)}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  async authenticate(apiKey: string, connectionSessionUUID?: string): Promise<string> {
    const from = this.frames.length;
    this.send([
      { taskType: 'authentication', apiKey, ...(connectionSessionUUID ? { connectionSessionUUID } : {}) },
    ]);
    const frame = await this.next(
      (f) => f.data?.some((i) => i.taskType === 'authentication') === true || Boolean(f.errors),
      5000,
      from,
    );
    const item = frame.data?.find((i) => i.taskType === 'authentication');
    if (!item) throw new Error(`auth failed: ${JSON.stringify(frame)}`);
    return String(item.connectionSessionUUID);
  }

  waitClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.closeWaiters.push((c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }

  /** Items of all frames so far for one taskUUID. */
  itemsOf(taskUUID: string): Record<string, unknown>[] {
    return this.frames.flatMap((f) => f.data ?? []).filter((i) => i.taskUUID === taskUUID);
  }

  close(): void {
    this.socket.terminate();
  }
}

/**
 * Bare sockets for one test file: `open()` connects (and authenticates unless told not to);
 * `closeAll()` (for afterEach) drops whatever the test left open.
 */
export function useSockets(url: () => string, apiKey: () => string) {
  const open: BareWs[] = [];
  return {
    async open(authenticate = true): Promise<BareWs> {
      const ws = await BareWs.open(url());
      open.push(ws);
      if (authenticate) await ws.authenticate(apiKey());
      return ws;
    },
    closeAll(): void {
      for (const ws of open.splice(0)) ws.close();
    },
  };
}
