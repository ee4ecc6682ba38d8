import {
  createContentClient,
  createLogger,
  createRunwareClient,
  type LogCategory,
  type RunwareClient,
  type RunwareConfig,
  resolveConfig,
  type TransportV1,
} from '@runware/core';
import { createRegistry } from '@runware/registry';
import { createRestTransport } from '@runware/transport-rest';
import { createWebSocketTransport } from '@runware/transport-ws';
import { snapshotVersion } from '@runware/types';
import type { ClientOptions } from './create-client';
import { createLazyValidator } from './lazy-validator';
import { nodeFileAccess, userAgent } from './node-runtime';
import { sdkVersion } from './version';

/**
 * The engine behind `createClient()`: resolves the config and wires the core client, the
 * transports, the registry and the validator. `createClient` loads this module with `import()`, so
 * a page's first script holds none of it (bundlers put it in a chunk of its own).
 */
export async function buildClient(options: ClientOptions): Promise<RunwareClient> {
  // Anything but an options object is the config check's to refuse, with its message.
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    resolveConfig(options as unknown as RunwareConfig);
  const { transport, registry, validator, ...rest } = options;
  // A string is the official spelling of transportType (checked with the config); anything else
  // given is a transport of the user's own (checked by the core client).
  const named = typeof transport === 'string';
  const custom = named ? undefined : transport;
  const userConfig: RunwareConfig = named ? { ...rest, transport } : rest;
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
  const restTransport = createRestTransport(shared);
  // A given transport is used as it is (and checked by the core client), even a wrong one like `0`.
  const carrier: TransportV1 =
    custom !== undefined
      ? custom
      : config.transportType === 'rest'
        ? restTransport
        : createWebSocketTransport({
            ...shared,
            ...(WebSocket ? { WebSocket: WebSocket as never } : {}),
            ...(agent ? { headers: { 'user-agent': agent } } : {}),
          });
  return createRunwareClient({
    config,
    transport: carrier,
    streamTransport: restTransport,
    registry: registry ?? createRegistry(shared),
    validator: validator ?? createLazyValidator(shared),
    content: createContentClient,
  });
}
