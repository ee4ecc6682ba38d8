/**
 * A small hostile server of the fuzz suite's own: node:http + ws on 127.0.0.1, port 0. It stands
 * in front of a real emulator (`startTestEmulator`) and proxies to it, so real tasks are pending
 * while the current script injects hostile WebSocket frames or replaces/mixes the HTTP, SSE and
 * content answers. It records what the emulator really answered, per taskUUID.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { startTestEmulator, type TestEmulator } from '@runware/emulator/testing';

// `ws` is not a dependency of the SDK: borrow the emulator's copy.
const requireHere = createRequire(import.meta.url);
const requireFromEmulator = createRequire(requireHere.resolve('@runware/emulator/package.json'));
const wsModule = requireFromEmulator('ws') as any;

interface WsLike {
  readyState: number;
  send(data: string | Uint8Array, options?: { binary?: boolean }, cb?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: string, listener: (...args: never[]) => void): void;
}

/** The API key of the suite: distinctive, so a leak cannot be a coincidence. */
export const SECRET_KEY = 'fuzz-SeCrEt-4pi-k3y-7c1e9b52d0';

/** What the script sees about the request it answers. */
export interface ScriptContext {
  /** taskUUIDs of the tasks (not auth/ping) in this client frame or POST, as sent. */
  taskUUIDs: string[];
  /** Every taskUUID the client sent so far. */
  allTaskUUIDs: string[];
  apiKey: string;
}

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Keep writing `body` (or filler) forever, until the client goes away. */
  endless?: boolean;
  /** Write the body, then destroy the socket without ending the response. */
  destroyAfter?: boolean;
  delayMs?: number;
}

export interface RealAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WsInjection {
  /** A text frame, a binary frame, or an action on the client's socket. */
  frames: Array<string | Uint8Array | { close: number } | { terminate: true }>;
  /** Send them before forwarding the client's frame upstream (the default is right after). */
  beforeForward?: boolean;
}

export interface Script {
  /** Frames to push to the client after each client frame that carries tasks. */
  ws?: (ctx: ScriptContext) => WsInjection | undefined;
  /** The answer to a POST on /v1 (REST and SSE); undefined passes the emulator's answer through. */
  http?: (
    ctx: ScriptContext,
    real: () => Promise<RealAnswer>,
  ) => HttpAnswer | undefined | Promise<HttpAnswer | undefined>;
  /** The answer to a GET under /content; undefined passes through. */
  content?: (path: string) => HttpAnswer | undefined;
}

export interface HostileServer {
  emulator: TestEmulator;
  httpUrl: string;
  wsUrl: string;
  contentUrl: string;
  /** The emulator's own schemas service (not hostile). */
  schemasUrl: string;
  apiKey: string;
  /** Replaces the current script (none = a transparent proxy). */
  script(script: Script | undefined): void;
  /** Items the emulator really sent, per taskUUID (both transports). */
  realItems: Map<string, Record<string, unknown>[]>;
  /** taskUUIDs the client sent. */
  clientTaskUUIDs: Set<string>;
  /** Open client WebSocket connections. */
  openSockets(): number;
  /** Forgets recorded items and tasks. */
  clearRecords(): void;
  close(): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function tasksOfClientText(text: string): string[] {
  try {
    const body = JSON.parse(text) as unknown;
    const list = Array.isArray(body) ? body : [body];
    return list.flatMap((task) =>
      isRecord(task) &&
      task.taskType !== 'authentication' &&
      task.taskType !== 'ping' &&
      typeof task.taskUUID === 'string'
        ? [task.taskUUID]
        : [],
    );
  } catch {
    return [];
  }
}

function recordReal(realItems: Map<string, Record<string, unknown>[]>, text: string): void {
  const record = (item: unknown) => {
    if (!isRecord(item) || typeof item.taskUUID !== 'string') return;
    const list = realItems.get(item.taskUUID) ?? [];
    list.push(item);
    realItems.set(item.taskUUID, list);
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim().replace(/^data:\s?/, '');
    if (!trimmed.startsWith('{')) continue;
    try {
      const body = JSON.parse(trimmed) as unknown;
      if (!isRecord(body)) continue;
      if (Array.isArray(body.data)) body.data.forEach(record);
      else if (typeof body.taskUUID === 'string') record(body);
    } catch {
      // not JSON: nothing real to record
    }
  }
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

async function forward(req: IncomingMessage, body: Buffer, target: string): Promise<RealAnswer> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
  try {
    const answer = await fetch(target, {
      method: req.method ?? 'GET',
      headers,
      ...(req.method === 'POST' ? { body: new Uint8Array(body) } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(k)) out[k] = v;
    });
    return { status: answer.status, headers: out, body: await answer.text() };
  } catch (error) {
    return { status: 502, headers: {}, body: JSON.stringify({ proxyError: String(error) }) };
  }
}

/** Bumped whenever the script changes: endless bodies of an earlier case stop then. */
let generation = 0;

function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: HttpAnswer): void {
  const born = generation;
  const go = () => {
    if (res.destroyed) return;
    try {
      res.writeHead(answer.status, answer.headers ?? {});
    } catch {
      res.writeHead(500);
    }
    const body = answer.body ?? '';
    if (answer.endless) {
      const chunk = body.length > 0 ? body : 'x'.repeat(1024);
      let stopped = false;
      const stop = () => {
        stopped = true;
      };
      req.on('close', stop);
      res.on('close', stop);
      const pump = () => {
        if (stopped || res.destroyed) return;
        if (generation !== born) {
          res.destroy();
          return;
        }
        // Respect backpressure, but never end.
        if (res.write(chunk)) setImmediate(pump);
        else res.once('drain', pump);
      };
      pump();
      return;
    }
    if (answer.destroyAfter) {
      res.write(body as string, () => res.destroy());
      return;
    }
    res.end(body);
  };
  if (answer.delayMs) setTimeout(go, answer.delayMs);
  else go();
}

export async function startHostileServer(): Promise<HostileServer> {
  const emulator = await startTestEmulator({
    apiKeys: [SECRET_KEY],
    onlyTheseKeys: true,
    latency: { default: 15, imageInference: 30 },
    tokenDelayMs: 1,
  });
  let current: Script | undefined;
  const realItems = new Map<string, Record<string, unknown>[]>();
  const clientTaskUUIDs = new Set<string>();
  const emulatorOrigin = emulator.httpUrl.replace(/\/v1$/, '');
  const context = (taskUUIDs: string[]): ScriptContext => ({
    taskUUIDs,
    allTaskUUIDs: [...clientTaskUUIDs],
    apiKey: SECRET_KEY,
  });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = req.url ?? '/';
      // The emulator is asked only when the script wants its answer (or passes it through).
      let realPromise: Promise<RealAnswer> | undefined;
      const real = () => {
        realPromise ??= forward(req, body, `${emulatorOrigin}${url}`).then((r) => {
          if (url.startsWith('/v1')) recordReal(realItems, r.body);
          return r;
        });
        return realPromise;
      };
      let answer: HttpAnswer | undefined;
      const script = current;
      try {
        if (url.startsWith('/v1') && req.method === 'POST') {
          const uuids = tasksOfClientText(body.toString('utf8'));
          for (const uuid of uuids) clientTaskUUIDs.add(uuid);
          answer = await script?.http?.(context(uuids), real);
        } else if (url.startsWith('/content')) {
          answer = script?.content?.(url.slice('/content'.length));
        }
      } catch (error) {
        answer = { status: 500, body: `script failed: ${String(error)}` };
      }
      if (answer) writeAnswer(req, res, answer);
      else {
        const r = await real();
        writeAnswer(req, res, { status: r.status, headers: r.headers, body: r.body });
      }
    })().catch(() => res.destroy());
  });

  const wss = new wsModule.WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  const sockets = new Set<WsLike>();
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    wss.handleUpgrade(req, socket, head, (client: WsLike) => {
      sockets.add(client);
      const upstream: WsLike = new wsModule.WebSocket(
        `${emulator.wsUrl}${(req.url ?? '').replace(/^\/v1/, '')}`,
      );
      const queue: string[] = [];
      upstream.on('open', () => {
        for (const text of queue.splice(0)) upstream.send(text);
      });
      upstream.on('message', (data: Buffer, isBinary: boolean) => {
        const text = data.toString('utf8');
        recordReal(realItems, text);
        if (client.readyState === 1) client.send(isBinary ? data : text);
      });
      const closeBoth = () => {
        sockets.delete(client);
        try {
          if (client.readyState <= 1) client.close(1001);
        } catch {}
        try {
          if (upstream.readyState <= 1) upstream.terminate();
        } catch {}
      };
      upstream.on('close', closeBoth);
      upstream.on('error', closeBoth);
      client.on('close', closeBoth);
      client.on('error', closeBoth);
      client.on('message', (data: Buffer) => {
        const text = data.toString('utf8');
        const uuids = tasksOfClientText(text);
        for (const uuid of uuids) clientTaskUUIDs.add(uuid);
        let injection: WsInjection | undefined;
        try {
          injection = uuids.length > 0 ? current?.ws?.(context(uuids)) : undefined;
        } catch {
          injection = undefined;
        }
        const pass = () => {
          if (upstream.readyState === 1) upstream.send(text);
          else queue.push(text);
        };
        const inject = () => {
          for (const frame of injection?.frames ?? []) {
            if (client.readyState !== 1) return;
            if (typeof frame === 'string') client.send(frame);
            else if (frame instanceof Uint8Array) client.send(frame, { binary: true });
            else if ('close' in frame) client.close(frame.close);
            else client.terminate();
          }
        };
        if (injection?.beforeForward) {
          inject();
          pass();
        } else {
          pass();
          inject();
        }
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    emulator,
    httpUrl: `${origin}/v1`,
    wsUrl: `ws://127.0.0.1:${port}/v1`,
    contentUrl: `${origin}/content`,
    schemasUrl: emulator.schemasUrl,
    apiKey: SECRET_KEY,
    script(script) {
      generation++;
      current = script;
    },
    realItems,
    clientTaskUUIDs,
    openSockets: () => sockets.size,
    clearRecords() {
      realItems.clear();
      clientTaskUUIDs.clear();
    },
    async close() {
      current = undefined;
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}
