import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from '../src/index';
import { failure, useHarness } from './support/harness';

const h = useHarness({ latency: { default: 5, imageInference: 20, videoInference: 800 } });
const image = (extra: Record<string, unknown> = {}) => ({
  model: 'runware:400@1',
  positivePrompt: 'a fox',
  width: 16,
  height: 16,
  ...extra,
});

/** A client on the default transport, WebSocket, against the file's emulator. */
const wsClient = (extra: Partial<ClientOptions> = {}) =>
  createClient({
    apiKey: h.emulator.apiKey,
    httpBaseUrl: h.emulator.httpUrl,
    wsBaseUrl: h.emulator.wsUrl,
    schemasBaseUrl: h.emulator.schemasUrl,
    ...extra,
  });

describe('the WebSocket transport (the default)', () => {
  it('runs sync and async tasks over one socket, streams over REST beside it', async () => {
    await h.control.reset();
    await using client = await wsClient();
    const [sync] = await client.run(image({ deliveryMethod: 'sync' }));
    const batch = await client.run(image({ numberResults: 3 }));
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => client.run(image())));
    expect(sync?.imageURL).toBeTruthy();
    expect(batch).toHaveLength(3);
    expect(concurrent.flat()).toHaveLength(20);
    const stream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect((await stream.text()).length).toBeGreaterThan(0);
    const stats = await h.control.stats();
    expect(stats.connections.opened).toBe(1);
    expect(stats.tasks.byTransport.ws).toBeGreaterThanOrEqual(24);
    expect(stats.tasks.byTaskType.textInference).toBe(1);
    expect(stats.requests.rest).toBe(1);
  });

  it('connects lazily, and disconnect() rejects pending calls while the client stays usable', async () => {
    const client = await wsClient();
    await h.control.reset();
    expect((await h.control.stats()).connections.opened).toBe(0);
    const pending = failure(client.run(image({ model: 'google:3@3' })));
    await new Promise((r) => setTimeout(r, 100));
    await client.disconnect();
    expect((await pending).code).toBe('connection');
    const [again] = await client.run(image({ deliveryMethod: 'sync' }));
    expect(again?.imageUUID).toBeTruthy();
    expect((await h.control.stats()).connections.opened).toBe(2);
    await client.close();
  });

  it('survives a dropped socket mid-task: every result arrives exactly once, nothing is resubmitted', async () => {
    await h.control.reset();
    await using client = await wsClient({ retryDelay: 20 });
    await h.control.addFaults([{ kind: 'wsClose', afterFrames: 1, count: 1 }]);
    const seen: string[] = [];
    const results = await client.run(image({ deliveryMethod: 'sync', numberResults: 3 }), {
      onResult: (item) => void seen.push(String(item.imageUUID)),
    });
    expect(results).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen).toHaveLength(3);
    const submits = (await h.control.tasks()).filter((task) => task.taskType === 'imageInference');
    expect(submits).toHaveLength(1);
    expect((await h.control.stats()).connections.resumed).toBe(1);
  });

  it('fails authentication with code auth and no reconnect loop', async () => {
    const client = await wsClient({ apiKey: 'wrong-key' });
    const error = await failure(client.run(image({ deliveryMethod: 'sync' })));
    expect(error.code).toBe('auth');
    expect(JSON.stringify(error)).not.toContain('wrong-key');
    await client.close();
  });
});
