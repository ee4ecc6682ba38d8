/**
 * `@runware/transport-ws`: the WebSocket transport of the Runware SDK. One socket for every task,
 * results routed by taskUUID, reconnect with session resume, and recovery that never loses or
 * duplicates a result. Browser-safe: `ws` is loaded lazily on Node only.
 */

export type { LogCategory } from '@runware/core';
export { createWebSocketTransport, type WebSocketTransport } from './create-websocket-transport';
export type {
  WebSocketConstructorLike,
  WebSocketLike,
  WebSocketLogger,
  WebSocketTransportOptions,
} from './options';
