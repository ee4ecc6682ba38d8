import {
  type RegistryV1,
  type RunwareClient,
  type RunwareConfig,
  type TransportType,
  type TransportV1,
  toPublicError,
  type ValidatorV1,
} from '@runware/core';

export interface ClientOptions extends Omit<RunwareConfig, 'transport'> {
  /**
   * `'websocket'` (default) or `'rest'`, the official SDK's name for `transportType`; or a
   * transport of your own (see @runware/core's TransportV1), which then carries every task.
   */
  transport?: TransportType | TransportV1 | undefined;
  /** A registry of your own; defaults to the live registry (bundled list + registry.json). */
  registry?: RegistryV1 | undefined;
  /** A validator, used when `validate` is on. */
  validator?: ValidatorV1 | undefined;
}

/**
 * Creates a client: resolves the config, picks the transport (WebSocket by default, `'rest'` for
 * REST; `stream()` always uses REST/SSE), and wires the registry and validator. `apiKey` defaults
 * to RUNWARE_API_KEY.
 */
export function createClient(options: ClientOptions = {}): Promise<RunwareClient> {
  // The engine is imported on the first call: pages that bundle the SDK load it in its own chunk
  // rather than before their first paint. Whatever goes wrong (a Proxy whose traps throw, a part
  // that is not one, the chunk failing to load) leaves as a RunwareError without the key, like
  // every other public call.
  return import('./build-client')
    .then(({ buildClient }) => buildClient(options))
    .catch((error: unknown) => Promise.reject(toPublicError(error, [readApiKey(options)])));
}

function readApiKey(options: unknown): string {
  try {
    const key = (options as ClientOptions | undefined)?.apiKey;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}
