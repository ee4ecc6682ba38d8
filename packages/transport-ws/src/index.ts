/**
 * `@runware/transport-ws`: the WebSocket transport of the Runware SDK. One socket for every task,
 * results routed by taskUUID, reconnect with session resume, and recovery that never loses or
 * duplicates a result. Browser-safe: `ws` is loaded lazily on Node only.
 */
export { createWebSocketTransport, type WebSocketTransport } from './create-websocket-transport';
export type {
  LogCategory,
  WebSocketConstructorLike,
  WebSocketLike,
  WebSocketLogger,
  WebSocketTransportOptions,
} from './options';
