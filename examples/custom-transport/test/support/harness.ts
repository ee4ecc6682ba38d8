import { type RunningEmulator, startEmulator } from '@runware/emulator';
import { type RunningSigningProxy, startSigningProxy } from '../../src/signing-proxy';
import { createSigningTransport, type SigningTransportOptions } from '../../src/signing-transport';

export const clientId = 'test-client';
export const secret = 'test-secret-0123456789';

export interface Captured {
  id: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Harness {
  emulator: RunningEmulator;
  proxy: RunningSigningProxy;
  transport(options?: Partial<SigningTransportOptions>): ReturnType<typeof createSigningTransport>;
  /** Adds faults through the emulator's control API. */
  fault(...faults: Record<string, unknown>[]): Promise<void>;
  /** What the emulator received after the last `mark()`. */
  mark(): Promise<() => Promise<Captured[]>>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, latency: { default: 20 } });
  const proxy = await startSigningProxy({
    upstreamUrl: emulator.httpUrl,
    apiKey: emulator.apiKey,
    clients: { [clientId]: secret },
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.controlUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const requestsSince = async (since: number) =>
    ((await control('GET', `/requests?since=${since}`)) as { requests: Captured[] }).requests;
  return {
    emulator,
    proxy,
    transport: (options = {}) =>
      createSigningTransport({ proxyUrl: proxy.url, clientId, secret, retryDelayMs: 50, ...options }),
    async fault(...faults) {
      await control('POST', '/faults', { faults });
    },
    async mark() {
      const seen = await requestsSince(0);
      const since = seen.reduce((max, request) => Math.max(max, request.id), 0);
      return () => requestsSince(since);
    },
    async stop() {
      await proxy.stop();
      await emulator.stop();
    },
  };
}

/** How many times a task with this taskUUID was submitted (getResponse polls not counted). */
export function submitsOf(requests: readonly Captured[], taskUUID: string, polls = false): number {
  let count = 0;
  for (const request of requests) {
    if (!Array.isArray(request.body)) continue;
    for (const task of request.body as { taskType?: unknown; taskUUID?: unknown }[])
      if (task.taskUUID === taskUUID && (task.taskType === 'getResponse') === polls) count += 1;
  }
  return count;
}

export const imageTask = (extra: Record<string, unknown> = {}) => ({
  taskType: 'imageInference',
  taskUUID: crypto.randomUUID(),
  model: 'runware:400@1',
  positivePrompt: 'a kite',
  width: 512,
  height: 512,
  ...extra,
});

export const textTask = (extra: Record<string, unknown> = {}) => ({
  taskType: 'textInference',
  taskUUID: crypto.randomUUID(),
  model: 'google:gemma@4-31b',
  messages: [{ role: 'user', content: 'Hello there' }],
  deliveryMethod: 'stream',
  ...extra,
});

/** Reads a whole SSE body as text. */
export async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}
