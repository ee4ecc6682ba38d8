import {
  createLogger,
  createRunwareClient,
  createRunwareError,
  type RegistryV1,
  type RunwareClient,
  type RunwareConfig,
  resolveConfig,
  type TransportV1,
  type ValidatorV1,
} from '@runware/core';
import { createRestTransport } from '@runware/transport-rest';
import { snapshotVersion } from '@runware/types';
import { createBundledRegistry } from './bundled-registry';
import { nodeFileAccess, userAgent } from './node-runtime';
import { sdkVersion } from './version';

export interface ClientOptions extends RunwareConfig {
  /** A transport of your own (see @runware/core's TransportV1); overrides transportType. */
  transport?: TransportV1;
  /** A registry of your own; defaults to the curated models bundled with the SDK. */
  registry?: RegistryV1;
  /** A validator, used when `validate` is on. */
  validator?: ValidatorV1;
}

/**
 * Creates a client: resolves the config, picks the transport, and wires the registry and
 * validator. `apiKey` defaults to RUNWARE_API_KEY; `transportType: 'rest'` for REST.
 */
export async function createClient(options: ClientOptions = {}): Promise<RunwareClient> {
  const { transport: custom, registry, validator, ...userConfig } = options;
  const files = userConfig.dependencies?.files ?? (await nodeFileAccess());
  const config = resolveConfig({
    ...userConfig,
    dependencies: { ...userConfig.dependencies, ...(files ? { files } : {}) },
  });
  const logger = createLogger({ debug: config.debug, logSink: config.logSink, secrets: [config.apiKey] });
  const rest = createRestTransport({
    apiKey: config.apiKey,
    baseUrl: config.httpBaseUrl,
    timeoutMs: config.timeout,
    maxRetries: config.maxRetries,
    retryDelayMs: config.retryDelay,
    retryStrategy: config.retryStrategy,
    ...(config.dependencies?.fetch ? { fetch: config.dependencies.fetch } : {}),
    ...(userAgent(sdkVersion, snapshotVersion, config.userAgent)
      ? { userAgent: userAgent(sdkVersion, snapshotVersion, config.userAgent) }
      : {}),
    log: (category, message, data) => logger.log(category, message, data),
  });
  let transport: TransportV1 = rest;
  if (custom) transport = custom;
  else if (config.transportType === 'websocket') {
    throw createRunwareError(
      'invalidConfig',
      "transportType 'websocket' is not available in this version of @runware/sdk yet. Pass transportType: 'rest'.",
      { parameter: 'transportType' },
    );
  }
  return createRunwareClient({
    config,
    transport,
    streamTransport: rest,
    registry: registry ?? createBundledRegistry(),
    ...(validator ? { validator } : {}),
  });
}
