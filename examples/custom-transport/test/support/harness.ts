import {
  type CapturedRequest,
  startTestEmulator,
  type TestEmulator,
  tasksOf,
} from '@runware/emulator/testing';
import { type RunningSigningProxy, startSigningProxy } from '../../src/signing-proxy';
import { createSigningTransport, type SigningTransportOptions } from '../../src/signing-transport';

export { imageTask, textTask } from '@runware/emulator/testing';

export const clientId = 'test-client';
export const secret = 'test-secret-0123456789';

export interface Harness {
  emulator: TestEmulator;
  proxy: RunningSigningProxy;
  transport(options?: Partial<SigningTransportOptions>): ReturnType<typeof createSigningTransport>;
  /** Adds faults through the emulator's control API. */
  fault(...faults: Parameters<TestEmulator['control']['addFaults']>[0]): Promise<void>;
  /** What the emulator received after the last `mark()`. */
  mark(): Promise<() => Promise<CapturedRequest[]>>;
  stop(): Promise<void>;
}

/** An emulator and a signing proxy in front of it, holding its key. */
export async function startHarness(): Promise<Harness> {
  const emulator = await startTestEmulator({ latency: { default: 20 } });
  const proxy = await startSigningProxy({
    upstreamUrl: emulator.httpUrl,
    apiKey: emulator.apiKey,
    clients: { [clientId]: secret },
  });
  return {
    emulator,
    proxy,
    transport: (options = {}) =>
      createSigningTransport({ proxyUrl: proxy.url, clientId, secret, retryDelayMs: 50, ...options }),
    async fault(...faults) {
      await emulator.control.addFaults(faults);
    },
    async mark() {
      const mark = await emulator.control.mark();
      return () => mark.requests();
    },
    async stop() {
      await proxy.stop();
      await emulator.close();
    },
  };
}

/** How many times a task with this taskUUID was submitted (getResponse polls not counted, or only those). */
export function submitsOf(requests: readonly CapturedRequest[], taskUUID: string, polls = false): number {
  return tasksOf(requests).filter(
    (task) => task.taskUUID === taskUUID && (task.taskType === 'getResponse') === polls,
  ).length;
}

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
