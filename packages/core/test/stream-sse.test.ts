import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRunwareClient, createStaticRegistry, isRunwareError, parseSseLine } from '../src/index';
import type { TaskPayload } from '../src/spec/task';
import type { TransportV1 } from '../src/spec/transport-v1';

const emulator = useEmulator({ beforeAll, afterAll, afterEach });
const model = 'google:gemma@4-31b';
const messages = [{ role: 'user', content: 'Tell me about lighthouses' }];

/** The POST `stream()` sends, made by hand: core has no HTTP transport of its own. */
async function post(task: TaskPayload): Promise<Response> {
  return fetch(emulator.httpUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify([task]),
  });
}

/** A minimal streaming transport over the emulator's REST endpoint. */
const transport = {
  specificationVersion: 'v1',
  name: 'test-sse',
  capabilities: { streaming: true, push: false, resume: false },
  async send() {
    return { data: [], errors: [] };
  },
  async stream(task: TaskPayload) {
    const answer = await post(task);
    if (!answer.body) throw new Error('no body');
    return answer.body;
  },
  async close() {},
} as unknown as TransportV1;

const client = () =>
  createRunwareClient({
    config: { apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl },
    transport,
    registry: createStaticRegistry({
      models: { [model]: { taskType: 'textInference', slug: 'google-gemma-4' } },
    }),
  } as never);

describe('stream() against the emulator', () => {
  it('leaves reasoningContent undefined when the model produced none', async () => {
    const stream = await client().stream({ model, messages, settings: { maxTokens: 5 } });
    const result = await stream.result();
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.reasoningContent).toBeUndefined();
  });

  it('gives the reasoning when there is some', async () => {
    const stream = await client().stream({ model, messages, settings: { reasoning: true, maxTokens: 5 } });
    const result = await stream.result();
    expect(typeof result.reasoningContent).toBe('string');
    expect(result.reasoningContent?.length).toBeGreaterThan(0);
  });

  it('derives the documentation of an in-stream error from the model', async () => {
    await emulator.control.addFaults([{ kind: 'itemError', code: 'providerTimeout', count: 1 }]);
    const stream = await client().stream({ model, messages });
    const error = await stream.result().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!isRunwareError(error)) throw new Error(`expected a RunwareError, got ${String(error)}`);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, taskType: 'textInference' });
    expect(error.documentation).toBe('https://runware.ai/docs/models/google-gemma-4');
  });
});

describe('parseSseLine on the emulator’s SSE body', () => {
  it('turns every line into a chunk or null, and the chunks into the answer', async () => {
    const taskUUID = '5d2f3a1e-7c4b-4e0a-9f1d-2b6c8e0a4f11';
    const answer = await post({
      taskType: 'textInference',
      taskUUID,
      model,
      messages,
      deliveryMethod: 'stream',
      includeUsage: true,
      settings: { reasoning: true, maxTokens: 6 },
    } as TaskPayload);
    const lines = (await answer.text()).split('\n');
    const chunks = lines.map(parseSseLine).filter((chunk) => chunk !== null);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.taskUUID).toBe(taskUUID);
    expect(chunks.some((chunk) => chunk.reasoningContent)).toBe(true);
    const text = chunks.map((chunk) => chunk.text ?? '').join('');
    expect(text.length).toBeGreaterThan(0);
    const last = chunks.at(-1);
    expect(last?.finishReason).toBe('length');
    expect(last?.usage?.completionTokens).toBe(6);
    expect(lines.filter((line) => line.trim() === 'data: [DONE]')).toHaveLength(1);
  });
});
