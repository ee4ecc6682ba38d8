import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, post } from './support/emulator';
import { BareWs } from './support/ws-client';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());

describe('capacity on this 2-core machine', () => {
  it('holds 1,000 concurrent WebSocket tasks on one socket, each answered exactly once', async () => {
    const ws = await BareWs.open(emulator.wsUrl);
    await ws.authenticate(emulator.apiKey);
    const tasks = Array.from({ length: 1000 }, () =>
      imageTask({ width: 8, height: 8, deliveryMethod: 'sync' }),
    );
    for (let i = 0; i < tasks.length; i += 50) ws.send(tasks.slice(i, i + 50));
    const results = () =>
      ws.frames.flatMap((f) => f.data ?? []).filter((i) => i.taskType === 'imageInference');
    await ws.next(() => results().length >= 1000, 30_000);
    await new Promise((r) => setTimeout(r, 50));
    const counts = new Map<unknown, number>();
    for (const item of results()) counts.set(item.taskUUID, (counts.get(item.taskUUID) ?? 0) + 1);
    expect(counts.size).toBe(1000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    ws.close();
  });

  it('serves 200 concurrent REST requests', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(emulator, [imageTask({ width: 8, height: 8, deliveryMethod: 'sync' })]),
      ),
    );
    expect(responses.every((r) => r.status === 200 && r.body.data?.length === 1)).toBe(true);
  });

  it('answers 429 with Retry-After past the per-key concurrency limit', async () => {
    const limited = await startTestEmulator(
      // Long enough that all five requests arrive while the first two still run, even on a loaded machine.
      emulatorOptions({ concurrencyLimit: 2, latency: { imageInference: 1500 } }),
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          post(limited, [imageTask({ width: 8, height: 8, deliveryMethod: 'sync' })]),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 429, 429, 429]);
      expect(results.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    } finally {
      await limited.stop();
    }
  });

  it('survives garbage: bad JSON, wrong types, huge bodies', async () => {
    const small = await startTestEmulator(emulatorOptions({ maxPayloadBytes: 1024 }));
    try {
      const huge = await post(small, [{ taskType: 'ping', pad: 'x'.repeat(5000) }]);
      expect([huge.status, huge.body.errors?.[0]?.code]).toEqual([413, 'invalidRequestSize']);
      for (const body of ['', 'null', '[[[[', '{"a":1}', '[1]', '["x"]', '[{"taskType":7}]']) {
        const answer = await post(small, body);
        expect(answer.status).toBeGreaterThanOrEqual(400);
      }
      expect((await post(small, [{ taskType: 'ping', ping: true }])).status).toBe(200);
      expect((await small.control.stats()).gauges).toBeDefined();
    } finally {
      await small.stop();
    }
  });
});
