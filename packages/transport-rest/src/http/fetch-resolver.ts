import { type FetchLike, isNodeRuntime, type SafeLog } from '@runware/core/transport-kit';
import type { LogCategory } from '../options';
import type { ModuleLoader } from './undici-fetch';

type Log = SafeLog<LogCategory>;

/** Where the fetch in use came from: the caller, undici's with a keep-alive Agent, or the runtime. */
export type FetchSource = 'injected' | 'undici' | 'global';

export interface ResolvedFetch {
  fetch: FetchLike;
  source: FetchSource;
  /** Closes the pooled sockets this transport owns (undici only). */
  release(): Promise<void>;
}

export interface FetchResolver {
  /** The fetch to use (undefined when the runtime has none), decided on the first call. */
  get(): Promise<ResolvedFetch | undefined>;
  /** The decision if one was made, without starting one (for `close()`). */
  settled(): Promise<ResolvedFetch | undefined> | undefined;
}

/**
 * Decides once, lazily, which fetch a transport uses: the injected one, else (on Node, when the
 * optional peer dependency is installed) undici's with a keep-alive Agent holding at most
 * `maxConnections` sockets, else the global fetch.
 */
export function createFetchResolver(
  injected: FetchLike | undefined,
  log: Log,
  load?: ModuleLoader,
  maxConnections = 64, // keepAliveAgentOptions.connections, not imported: that module loads lazily
): FetchResolver {
  let pending: Promise<ResolvedFetch | undefined> | undefined;
  const resolve = async (): Promise<ResolvedFetch | undefined> => {
    const none = async () => {};
    if (injected) {
      // Called with globalThis as `this`, so an unbound `window.fetch` works too.
      return {
        fetch: (input, init) => injected.call(globalThis, input, init),
        source: 'injected',
        release: none,
      };
    }
    // Its own chunk: browsers and edge runtimes never load the undici loader.
    const undici =
      isNodeRuntime() &&
      (await (await import('./undici-fetch')).resolveUndiciFetch(load, log, maxConnections));
    if (undici) return undici;
    if (typeof globalThis.fetch !== 'function') return undefined;
    log('request', 'fetch: the global fetch', { fetch: 'global' });
    // Looked up per call, so it is always called with the right `this`.
    return { fetch: (input, init) => globalThis.fetch(input, init), source: 'global', release: none };
  };
  return {
    get: () => (pending ??= resolve()),
    settled: () => pending,
  };
}
