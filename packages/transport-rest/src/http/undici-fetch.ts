import { describeCause, type FetchLike, lowLevelCode, type SafeLog } from '@runware/core/transport-kit';
import type { LogCategory } from '../options';
import type { ResolvedFetch } from './fetch-resolver';

type Log = SafeLog<LogCategory>;

/** Loads a module by name; injectable so tests can simulate an install without undici. */
export type ModuleLoader = (specifier: string) => Promise<unknown>;

// The specifier is a variable and the comments tell bundlers to leave the import alone, so no
// bundle (edge, browser) ever tries to resolve or include undici.
const dynamicImport: ModuleLoader = (specifier) =>
  import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);

interface UndiciModule {
  fetch: (input: unknown, init?: unknown) => Promise<Response>;
  Agent: new (options: Record<string, unknown>) => { destroy(): Promise<void> };
}

function asUndici(mod: unknown): UndiciModule | undefined {
  for (const candidate of [mod, (mod as { default?: unknown } | undefined)?.default]) {
    const m = candidate as Partial<UndiciModule> | undefined;
    if (typeof m?.fetch === 'function' && typeof m.Agent === 'function') return m as UndiciModule;
  }
  return undefined;
}

/**
 * Node's global fetch already reuses connections, but through a shared dispatcher whose
 * `headersTimeout`/`bodyTimeout` (300 s each) cut long sync requests short of our own per-attempt
 * budget, and which opens a socket per concurrent request with no bound. Our own Agent disables
 * those timeouts (the transport's timeout governs), keeps idle sockets a little longer and bounds
 * the connections per origin: `connections` is the transport's `maxConnections` (default 64).
 */
export const keepAliveAgentOptions = {
  connections: 64,
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
  headersTimeout: 0,
  bodyTimeout: 0,
} as const;

/** The Agent's options for a connection limit (`Infinity`: undici's `null`, no limit). */
export function agentOptions(maxConnections: number) {
  const connections = maxConnections === Number.POSITIVE_INFINITY ? null : maxConnections;
  return { ...keepAliveAgentOptions, connections };
}

export async function loadUndiciFetch(
  load: ModuleLoader = dynamicImport,
  log: Log = () => {},
  maxConnections: number = keepAliveAgentOptions.connections,
): Promise<Omit<ResolvedFetch, 'source'> | undefined> {
  let mod: unknown;
  try {
    mod = await load('undici');
  } catch (cause) {
    const code = lowLevelCode(cause);
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND')
      log('warn', `undici could not be loaded, using the global fetch: ${describeCause(cause)}`);
    return undefined;
  }
  const undici = asUndici(mod);
  if (!undici) {
    log('warn', 'the undici module has no fetch/Agent, using the global fetch');
    return undefined;
  }
  const agent = new undici.Agent(agentOptions(maxConnections));
  const fetch = ((input: unknown, init?: RequestInit) =>
    undici.fetch(input, { ...init, dispatcher: agent })) as unknown as FetchLike;
  // destroy, not close: close waits for every response body to be read, and undici leaves the
  // bodies of redirects it followed unread, so one redirect loop made close() hang forever. By the
  // time the transport releases the Agent its requests are over (or rejected as closed).
  return { fetch, release: () => agent.destroy().catch(() => {}) };
}

/** undici's fetch as the transport's, logged as chosen; undefined when it cannot be loaded. */
export async function resolveUndiciFetch(
  load: ModuleLoader | undefined,
  log: Log,
  maxConnections: number,
): Promise<ResolvedFetch | undefined> {
  const undici = await loadUndiciFetch(load, log, maxConnections);
  if (!undici) return undefined;
  log('request', 'fetch: undici with a keep-alive Agent', {
    fetch: 'undici',
    ...agentOptions(maxConnections),
  });
  return { ...undici, source: 'undici' };
}
