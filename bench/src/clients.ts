import { createClient, type RunwareClient } from '@runware/sdk';
import type { BenchEmulator } from './emulator-process';

export type Transport = 'rest' | 'ws';
export const transports: readonly Transport[] = ['rest', 'ws'];
export const transportLabel = (transport: Transport): string => (transport === 'rest' ? 'REST' : 'WS');

/** An SDK client on the emulator: every URL points at it, so nothing leaves the machine. */
export function benchClient(emulator: BenchEmulator, transport: Transport): Promise<RunwareClient> {
  return createClient({
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    contentBaseUrl: emulator.contentUrl,
    transportType: transport === 'rest' ? 'rest' : 'websocket',
  });
}

/** A client for `body`, closed afterwards whatever happens. */
export async function withClient<T>(
  emulator: BenchEmulator,
  transport: Transport,
  body: (client: RunwareClient) => Promise<T>,
): Promise<T> {
  const client = await benchClient(emulator, transport);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}
