import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCatalog, type Catalog } from './content/index';
import type { EmulatorContext } from './context';
import { type ControlOperations, createControlOperations } from './control/control-operations';
import { createFaults } from './control/faults';
import { sendJson } from './http/respond';
import { route } from './http/router';
import { type EmulatorOptions, resolveOptions } from './options';
import { loadSnapshotData } from './snapshot-data';
import { createMediaStore } from './state/media-store';
import { createModelRegistry } from './state/model-registry';
import { createRequestLog } from './state/request-log';
import { createScheduler } from './state/scheduler';
import { createSessions } from './state/sessions';
import { createStats, recordHttpConnection } from './state/stats';
import { createTaskStore } from './state/task-store';
import { createRequestValidator } from './tasks/validate-request';
import { createWebSocketEndpoint } from './transports/websocket';

export interface RunningEmulator {
  /** REST endpoint, e.g. `http://127.0.0.1:8787/v1` (the SDK's httpBaseUrl). */
  httpUrl: string;
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:8787/v1` (the SDK's wsBaseUrl). */
  wsUrl: string;
  schemasUrl: string;
  contentUrl: string;
  controlUrl: string;
  port: number;
  /** An API key the emulator accepts (the default key, or the first given). */
  apiKey: string;
  /** The control API (`controlUrl`) in process, without HTTP: what `@runware/emulator/testing` uses. */
  controlApi: ControlOperations;
  /** Stops listening, closes every connection and clears every timer. */
  stop(): Promise<void>;
}

/** Starts an emulator on its own port; everything it holds belongs to this instance. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const data = loadSnapshotData();
  const scheduler = createScheduler();
  const stats = createStats();
  const registry = createModelRegistry(data);
  let baseUrl = '';
  /** TCP connections of the HTTP server open now. */
  let httpOpen = 0;
  let catalog: { version: string; value: Catalog } | undefined;
  const ctx: EmulatorContext = {
    options: resolved,
    data,
    registry,
    validator: createRequestValidator(data, registry),
    tasks: createTaskStore(resolved.resultTtlMs),
    media: createMediaStore(resolved.resultTtlMs),
    sessions: createSessions(resolved.sessionTtlMs, scheduler),
    stats,
    requests: createRequestLog(),
    faults: createFaults(resolved.seed, stats),
    scheduler,
    inFlight: new Map(),
    catalog() {
      if (catalog?.version !== registry.version()) {
        const models = Object.fromEntries(
          registry
            .all()
            .flatMap((m) =>
              m.slug && m.source !== 'community' && m.source !== 'uploaded'
                ? [[m.air, { taskType: m.taskType, slug: m.slug }]]
                : [],
            ),
        );
        catalog = { version: registry.version(), value: buildCatalog(models, { baseUrl }) };
      }
      return catalog.value;
    },
    baseUrl: () => baseUrl,
  };
  ctx.faults.add(resolved.faults);

  const ws = createWebSocketEndpoint(ctx);
  const controlApi = createControlOperations(ctx, {
    closeSockets: (mode: 'terminate' | 'close', code?: number) => ws.closeAll(mode, code),
    reset() {
      ws.closeAll('terminate');
      scheduler.clearAll();
      ctx.tasks.clear();
      ctx.media.clear();
      ctx.sessions.clear();
      ctx.requests.clear();
      ctx.faults.clear();
      ctx.inFlight.clear();
      registry.reset();
      Object.assign(stats, createStats());
      // Keep-alive sockets stay open through a reset: the peak starts from them.
      stats.httpConnections.peakOpen = httpOpen;
      armSweep();
    },
    httpConnectionsOpen: () => httpOpen,
  });

  const server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      resolved.log(
        `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      );
    });
    route(ctx, controlApi, req, res).catch((error: unknown) => {
      // Last line of defence: a bug answers 500 instead of taking the process down.
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ code: 'internalServerError', message: (error as Error).message }] });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    httpOpen += 1;
    recordHttpConnection(stats, httpOpen);
    socket.once('close', () => {
      httpOpen -= 1;
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path !== '/v1' && path !== '/v1/') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    resolved.log(`WS ${path} upgrade`);
    ws.handleUpgrade(req, socket, head);
  });

  // Expired results and media are swept on a timer, so memory stays bounded under load.
  const armSweep = () => {
    const every = Math.max(1000, Math.min(30_000, resolved.resultTtlMs / 2));
    scheduler.after(every, () => {
      const now = Date.now();
      ctx.tasks.sweep(now);
      ctx.media.sweep(now);
      armSweep();
    });
  };
  armSweep();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':')
    ? `[${resolved.host}]`
    : resolved.host === '0.0.0.0'
      ? '127.0.0.1'
      : resolved.host;
  baseUrl = `http://${host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    httpUrl: `${baseUrl}/v1`,
    wsUrl: `ws://${host}:${port}/v1`,
    schemasUrl: `${baseUrl}/schemas`,
    contentUrl: `${baseUrl}/content`,
    controlUrl: `${baseUrl}/_emulator`,
    port,
    apiKey: [...resolved.apiKeys][0] ?? '',
    controlApi,
    stop() {
      stopping ??= (async () => {
        scheduler.clearAll();
        await ws.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        scheduler.clearAll();
      })();
      return stopping;
    },
  };
}
