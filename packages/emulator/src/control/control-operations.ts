import type { EmulatorContext } from '../context';
import type { ModelRecord } from '../state/model-registry';
import type { CapturedRequest } from '../state/request-log';
import type { Stats } from '../state/stats';
import { parseFaults } from './fault-spec';
import type { ActiveFault } from './faults';

export interface ControlHooks {
  /** Closes every WebSocket now (a `wsClose` fault without `rate`/`afterFrames`). */
  closeSockets(mode: 'terminate' | 'close', code?: number): number;
  /** Clears every table and timer of the instance. */
  reset(): void;
  /** TCP connections of the HTTP server open now (keep-alive sockets outlive a reset). */
  httpConnectionsOpen(): number;
}

/** `GET /_emulator/stats`: the counters, plus gauges of what the emulator holds now. */
export interface EmulatorStats extends Stats {
  gauges: { tasks: number; sessions: number; registryVersion: string; httpConnectionsOpen: number };
}

/**
 * What the control API does, callable in process: `/_emulator/*` over HTTP and
 * `@runware/emulator/testing` both call these, so the two cannot drift apart. Inputs are checked
 * as they would be from JSON (a bad one throws a TypeError); answers are copies.
 */
export interface ControlOperations {
  stats(): EmulatorStats;
  faults(): ActiveFault[];
  /** Adds fault specs (`{ faults: [...] }`, an array or one spec); an immediate `wsClose` closes sockets now. */
  addFaults(input: unknown): { added: ActiveFault[]; closedNow: number };
  clearFaults(): void;
  /** Captured requests after the one with id `since`, oldest first (keys redacted). */
  requests(since?: number): CapturedRequest[];
  reset(): void;
  /** Adds (or replaces) a model at runtime and bumps the registry version. */
  addModel(input: unknown): { model: ModelRecord; registryVersion: string };
}

const copy = <T>(value: T): T => structuredClone(value);

export function createControlOperations(ctx: EmulatorContext, hooks: ControlHooks): ControlOperations {
  return {
    stats: () =>
      copy({
        ...ctx.stats,
        gauges: {
          tasks: ctx.tasks.size(),
          sessions: ctx.sessions.size(),
          registryVersion: ctx.registry.version(),
          httpConnectionsOpen: hooks.httpConnectionsOpen(),
        },
      }),
    faults: () => copy(ctx.faults.list()),
    addFaults(input) {
      const body = input as { faults?: unknown } | undefined;
      const specs = parseFaults(body?.faults ?? body);
      const now = specs.filter(
        (s) => s.kind === 'wsClose' && s.rate === undefined && s.afterFrames === undefined,
      );
      let closedNow = 0;
      for (const spec of now)
        if (spec.kind === 'wsClose')
          closedNow += hooks.closeSockets(spec.mode ?? 'terminate', spec.closeCode);
      const added = ctx.faults.add(specs.filter((s) => !now.includes(s)));
      return copy({ added, closedNow });
    },
    clearFaults: () => ctx.faults.clear(),
    requests: (since = 0) => copy(ctx.requests.list(Number.isFinite(since) ? since : 0)),
    reset: () => hooks.reset(),
    addModel(input) {
      const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
      if (typeof body.air !== 'string' || typeof body.taskType !== 'string')
        throw new TypeError('air and taskType are required strings');
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const model = ctx.registry.add(
        {
          air: body.air,
          taskType: body.taskType,
          slug: str(body.slug),
          name: str(body.name),
          architecture: str(body.architecture),
          category: str(body.category),
        },
        'runtime',
      );
      return copy({ model, registryVersion: ctx.registry.version() });
    },
  };
}
