import type { WebSocketConstructorLike, WebSocketLike } from './options';
import { noWebSocketError } from './transport-errors';

/** `ws` accepts an options object (headers) in place of the protocols. */
type NodeWebSocketConstructor = new (
  url: string,
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

export type OpenSocket = (url: string) => WebSocketLike;

const isNode = (): boolean => {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
};

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
  if (isNode() && (hasHeaders || !global)) {
    const ws = await loadWs();
    if (ws) return (url) => new ws(url, hasHeaders ? { headers } : undefined);
  }
  if (global) return (url) => new global(url);
  throw noWebSocketError();
}

/** Decodes an inbound message to text; binary messages are decoded as UTF-8. */
export function messageText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) {
    const decoder = new TextDecoder();
    return (
      data.map((part: ArrayBufferView) => decoder.decode(part, { stream: true })).join('') + decoder.decode()
    );
  }
  return undefined;
}
