import { isNodeRuntime } from '@runware/core/transport-kit';
import type { WebSocketConstructorLike, WebSocketLike } from '../options';
import { noWebSocketError } from './socket-errors';

/** `ws` accepts an options object (headers) in place of the protocols. */
type NodeWebSocketConstructor = new (
  url: string,
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

export type OpenSocket = (url: string) => WebSocketLike;

/**
 * Loads `ws` through a specifier bundlers leave alone, so browser and edge bundles never carry
 * it; only Node ever evaluates this import.
 */
async function loadWs(): Promise<NodeWebSocketConstructor | undefined> {
  const name = 'ws';
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
 * (the global one cannot send headers); else `globalThis.WebSocket`; else `ws` on Node.
 */
export async function resolveSocketFactory(
  injected: WebSocketConstructorLike | undefined,
  headers: Record<string, string> | undefined,
): Promise<OpenSocket> {
  if (injected) return (url) => new injected(url);
  const hasHeaders = headers !== undefined && Object.keys(headers).length > 0;
  const global = (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
  if (isNodeRuntime() && (hasHeaders || !global)) {
    const ws = await loadWs();
    if (ws) return (url) => new ws(url, hasHeaders ? { headers } : undefined);
  }
  if (global) return (url) => new global(url);
  throw noWebSocketError();
}
