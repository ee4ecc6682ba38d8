import { randomUUID } from 'node:crypto';
import type { EmulatorOptions, RunningEmulator } from '../../src/index';

export const uuid = (): string => randomUUID();

export interface Posted {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown>[]; errors?: Record<string, unknown>[] } & Record<string, unknown>;
}

/** A bare REST client written from PROTOCOL.md: POST a JSON array to /v1 with a Bearer key. */
export async function post(
  emulator: RunningEmulator,
  tasks: unknown,
  key: string | null = emulator.apiKey,
): Promise<Posted> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(emulator.httpUrl, {
    method: 'POST',
    headers,
    body: typeof tasks === 'string' ? tasks : JSON.stringify(tasks),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Polls getResponse until every item is terminal, the way an async client does. */
export async function pollUntilDone(
  emulator: RunningEmulator,
  taskUUID: string,
  everyMs = 10,
  limitMs = 10_000,
): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const { body } = await post(emulator, [{ taskType: 'getResponse', taskUUID }]);
    const items = body.data ?? [];
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    if (items.length > 0 && items.every((i) => i.status !== 'processing')) return items;
    if (Date.now() > deadline) throw new Error(`task ${taskUUID} still processing after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Short latencies for the emulator's own tests (see `useEmulator` in src/testing); `extra` overrides. */
export function emulatorOptions(extra: EmulatorOptions = {}): EmulatorOptions {
  return {
    latency: { default: 5, imageInference: 10, videoInference: 20, training: 60 },
    tokenDelayMs: 1,
    ...extra,
  };
}

/** Test-side JSON: any, so assertions can reach into bodies without casts (tests only). */
export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}
