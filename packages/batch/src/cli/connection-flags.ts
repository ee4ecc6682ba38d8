import { createClient, type RunwareClient } from '@runware/sdk';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

/** The flags every command that talks to Runware takes (node:util parseArgs options). */
export const connectionOptions = {
  'api-key': { type: 'string' },
  transport: { type: 'string' },
  'http-base-url': { type: 'string' },
  'ws-base-url': { type: 'string' },
  'schemas-base-url': { type: 'string' },
  emulator: { type: 'boolean' },
} as const;

export const connectionHelp = `Connection:
  --api-key KEY          API key (default: the RUNWARE_API_KEY environment variable)
  --transport T          websocket (default) or rest
  --http-base-url URL    REST base URL (default: the real API)
  --ws-base-url URL      WebSocket URL (default: the real API)
  --schemas-base-url URL where the model registry is refreshed from (default: Runware's)
  --emulator             run against an embedded emulator: no key, no network`;

export interface ConnectionValues {
  'api-key'?: string | undefined;
  transport?: string | undefined;
  'http-base-url'?: string | undefined;
  'ws-base-url'?: string | undefined;
  'schemas-base-url'?: string | undefined;
  emulator?: boolean | undefined;
}

export interface Connection {
  client: RunwareClient;
  /** Where the client goes, for the first line of output (never the key). */
  label: string;
  close(): Promise<void>;
}

/** Opens a client from the flags (and an embedded emulator with `--emulator`). */
export async function openConnection(values: ConnectionValues, io: CliIo): Promise<Connection> {
  const transport = values.transport ?? 'websocket';
  if (transport !== 'websocket' && transport !== 'rest')
    throw new UsageError(`--transport must be websocket or rest, not ${JSON.stringify(transport)}`);
  let stopEmulator: (() => Promise<void>) | undefined;
  let apiKey = values['api-key'] ?? io.env.RUNWARE_API_KEY;
  let httpBaseUrl = values['http-base-url'];
  let wsBaseUrl = values['ws-base-url'];
  let schemasBaseUrl = values['schemas-base-url'];
  let label = httpBaseUrl ?? wsBaseUrl ?? 'the Runware API';
  if (values.emulator) {
    const { startEmulator, defaultApiKey } = await import('@runware/emulator');
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1', latency: { default: 20 } });
    stopEmulator = () => emulator.stop();
    apiKey = defaultApiKey;
    httpBaseUrl = emulator.httpUrl;
    wsBaseUrl = emulator.wsUrl;
    // Everything from the emulator, the registry too: nothing leaves the machine.
    schemasBaseUrl = emulator.schemasUrl;
    label = `an embedded emulator (${emulator.httpUrl})`;
  }
  if (!apiKey) {
    await stopEmulator?.();
    throw new UsageError('no API key: pass --api-key, set RUNWARE_API_KEY, or try --emulator');
  }
  try {
    const client = await createClient({
      apiKey,
      transportType: transport,
      ...(httpBaseUrl ? { httpBaseUrl } : {}),
      ...(wsBaseUrl ? { wsBaseUrl } : {}),
      ...(schemasBaseUrl ? { schemasBaseUrl } : {}),
    });
    return {
      client,
      label,
      close: async () => {
        try {
          await client.close();
        } finally {
          await stopEmulator?.();
        }
      },
    };
  } catch (error) {
    await stopEmulator?.();
    throw error;
  }
}
