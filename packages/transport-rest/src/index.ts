/**
 * `@runware/transport-rest`: the REST + SSE transport of the Runware SDK. Plain `fetch` (undici's
 * with a keep-alive Agent on Node when installed), retries with backoff, abort and timeouts, and
 * recovery that never resubmits an accepted task. Edge- and browser-safe.
 */
export { createRestTransport } from './create-rest-transport';
export type { FetchSource } from './http/fetch-resolver';
export {
  defaultMaxResponseSize,
  defaultMaxRetryDelay,
  type LogCategory,
  type RestLogger,
  type RestTransportOptions,
} from './options';
