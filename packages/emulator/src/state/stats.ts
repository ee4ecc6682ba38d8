export type Transport = 'rest' | 'ws';

/** Counters exposed by `GET /_emulator/stats`. */
export interface Stats {
  requests: { rest: number; ws: number };
  tasks: { total: number; byTaskType: Record<string, number>; byTransport: { rest: number; ws: number } };
  /** `requests` counts HTTP POSTs / WebSocket frames holding getResponse items; `polls` the items. */
  getResponse: { requests: number; polls: number; byTransport: { rest: number; ws: number } };
  /** Tasks per request: how well a client batches. */
  tasksPerRequest: { max: number; histogram: Record<string, number> };
  connections: {
    opened: number;
    authenticated: number;
    resumed: number;
    dropped: number;
    closedByServer: number;
    open: number;
  };
  /**
   * TCP connections the HTTP server accepted (REST, SSE, control, and the ones WebSockets upgrade
   * from), and the most open at once since the start or the last reset: what a client's
   * connection limit bounds. How many are open now is `gauges.httpConnectionsOpen`.
   */
  httpConnections: { accepted: number; peakOpen: number };
  webhooks: { sent: number; failed: number };
  streams: { opened: number; completed: number; truncated: number };
  errors: Record<string, number>;
  faultsApplied: Record<string, number>;
}

export function createStats(): Stats {
  return {
    requests: { rest: 0, ws: 0 },
    tasks: { total: 0, byTaskType: {}, byTransport: { rest: 0, ws: 0 } },
    getResponse: { requests: 0, polls: 0, byTransport: { rest: 0, ws: 0 } },
    tasksPerRequest: { max: 0, histogram: {} },
    connections: { opened: 0, authenticated: 0, resumed: 0, dropped: 0, closedByServer: 0, open: 0 },
    httpConnections: { accepted: 0, peakOpen: 0 },
    webhooks: { sent: 0, failed: 0 },
    streams: { opened: 0, completed: 0, truncated: 0 },
    errors: {},
    faultsApplied: {},
  };
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** Records one request (HTTP POST or WebSocket frame) and the task types it carried. */
export function recordRequest(stats: Stats, transport: Transport, taskTypes: readonly string[]): void {
  stats.requests[transport] += 1;
  const real = taskTypes.filter((t) => t !== 'authentication' && t !== 'ping');
  if (real.length > 0) {
    stats.tasksPerRequest.max = Math.max(stats.tasksPerRequest.max, real.length);
    bump(stats.tasksPerRequest.histogram, String(real.length));
  }
  const polls = real.filter((t) => t === 'getResponse').length;
  if (polls > 0) {
    stats.getResponse.requests += 1;
    stats.getResponse.polls += polls;
    stats.getResponse.byTransport[transport] += 1;
  }
  for (const taskType of real) {
    stats.tasks.total += 1;
    stats.tasks.byTransport[transport] += 1;
    bump(stats.tasks.byTaskType, taskType);
  }
}

/** Records one accepted TCP connection; `openNow` counts it. */
export function recordHttpConnection(stats: Stats, openNow: number): void {
  stats.httpConnections.accepted += 1;
  stats.httpConnections.peakOpen = Math.max(stats.httpConnections.peakOpen, openNow);
}

export function recordError(stats: Stats, code: string): void {
  bump(stats.errors, code);
}

export function recordFault(stats: Stats, kind: string): void {
  bump(stats.faultsApplied, kind);
}
