import { isNodeRuntime } from '@runware/core/transport-kit';
import type { WebSocketConstructorLike, WebSocketLike } from '../options';
import { noWebSocketError } from './socket-errors';

/** `ws` accepts an options object (headers) in place of the protocols. */
type NodeWebSocketConstructor = new (
  url: string,
  options?: { headers?: Record<string, string>; maxPayload?: number },
) => WebSocketLike;

export type OpenSocket = (url: string) => WebSocketLike;

/**
 * Loads `ws` through a specifier bundlers leave alone, so browser and edge bundles never carry
 * it; only Node ever evaluates this import.
 */
// `name` is a parameter, not a const: a minifier folds `const name = 'ws'; import(name)` into
// `import('ws')`, and the bundler then tries to bundle ws (and Node's http, zlib…) for the edge.
async function loadWs(name = 'ws'): Promise<NodeWebSocketConstructor | undefined> {
  try {
    const mod = (await import(/* @vite-ignore */ /* webpackIgnore: true */ name)) as {
      default?: unknown;
      WebSocket?: unknown;
    };
    const ctor = mod.default ?? mod.WebSocket;
    return typeof ctor === 'function' ? (ctor as NodeWebSocketConstructor) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Picks the WebSocket implementation once: the injected one; on Node with custom headers, `ws`
 * (the global one cannot send headers); else `globalThis.WebSocket`; else `ws` on Node. Only `ws`
 * takes `maxPayload`; other sockets have their message size checked by the connection.
 */
export async function resolveSocketFactory(
  injected: WebSocketConstructorLike | undefined,
  headers: Record<string, string> | undefined,
  maxPayload: number,
): Promise<OpenSocket> {
  if (injected) return (url) => new injected(url);
  const hasHeaders = headers !== undefined && Object.keys(headers).length > 0;
  const global = (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
  if (isNodeRuntime() && (hasHeaders || !global)) {
    const ws = await loadWs();
    // `ws` refuses a larger frame before buffering it (0 means no limit to it).
    const limit = Number.isFinite(maxPayload) ? maxPayload : 0;
    if (ws) return (url) => new ws(url, hasHeaders ? { headers, maxPayload: limit } : { maxPayload: limit });
  }
  if (global) return (url) => new global(url);
  throw noWebSocketError();
}
