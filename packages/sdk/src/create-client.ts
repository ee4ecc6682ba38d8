import {
  createContentClient,
  createLogger,
  createRunwareClient,
  type LogCategory,
  type RegistryV1,
  type RunwareClient,
  type RunwareConfig,
  resolveConfig,
  type TransportV1,
  toPublicError,
  type ValidatorV1,
} from '@runware/core';
import { createRegistry } from '@runware/registry';
import { createRestTransport } from '@runware/transport-rest';
import { createWebSocketTransport } from '@runware/transport-ws';
import { snapshotVersion } from '@runware/types';
import { createLazyValidator } from './lazy-validator';
import { nodeFileAccess, userAgent } from './node-runtime';
import { sdkVersion } from './version';

export interface ClientOptions extends RunwareConfig {
  /** A transport of your own (see @runware/core's TransportV1); overrides transportType. */
  transport?: TransportV1;
  /** A registry of your own; defaults to the live registry (bundled list + registry.json). */
  registry?: RegistryV1;
  /** A validator, used when `validate` is on. */
  validator?: ValidatorV1;
}

/**
 * Creates a client: resolves the config, picks the transport (WebSocket by default, `'rest'` for
 * REST; `stream()` always uses REST/SSE), and wires the registry and validator. `apiKey` defaults
 * to RUNWARE_API_KEY.
 */
export function createClient(options: ClientOptions = {}): Promise<RunwareClient> {
  // Whatever goes wrong (a Proxy whose traps throw, a part that is not one) leaves as a RunwareError
  // without the key, like every other public call.
  return build(options).catch((error: unknown) =>
    Promise.reject(toPublicError(error, [readApiKey(options)])),
  );
}

function readApiKey(options: unknown): string {
  try {
    const key = (options as ClientOptions | undefined)?.apiKey;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

async function build(options: ClientOptions): Promise<RunwareClient> {
  // Anything but an options object is the config check's to refuse, with its message.
  if (typeof options !== 'object' || options === null || Array.isArray(options)) resolveConfig(options);
  const { transport: custom, registry, validator, ...userConfig } = options;
  const files = userConfig.dependencies?.files ?? (await nodeFileAccess());
  const config = resolveConfig({
    ...userConfig,
    dependencies: { ...userConfig.dependencies, ...(files ? { files } : {}) },
  });
  const logger = createLogger({ debug: config.debug, logSink: config.logSink, secrets: [config.apiKey] });
  const log = (category: LogCategory, message: string, data?: unknown) => logger.log(category, message, data);
  const { fetch, WebSocket } = config.dependencies ?? {};
  // The config's own names reach every part; only what the SDK adds is set here. `userAgent` is the
  // config's prefix, so it is replaced by the whole header (none outside Node).
  const agent = userAgent(sdkVersion, snapshotVersion, config.userAgent);
  // With debug off the logger drops everything: pass no `log` then, so no part builds log data.
  const shared = {
    ...config,
    ...(fetch ? { fetch } : {}),
    userAgent: agent,
    ...(logger.enabled ? { log } : {}),
  };
  const rest = createRestTransport(shared);
  // A given transport is used as it is (and checked by the core client), even a wrong one like `0`.
  const transport: TransportV1 =
    custom !== undefined
      ? custom
      : config.transportType === 'rest'
        ? rest
        : createWebSocketTransport({
            ...shared,
            ...(WebSocket ? { WebSocket: WebSocket as never } : {}),
            ...(agent ? { headers: { 'user-agent': agent } } : {}),
          });
  return createRunwareClient({
    config,
    transport,
    streamTransport: rest,
    registry: registry ?? createRegistry(shared),
    validator: validator ?? createLazyValidator(shared),
    content: createContentClient,
  });
}
