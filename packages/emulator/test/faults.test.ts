import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, json, pollUntilDone, post } from './support/emulator';
import { BareWs, useSockets } from './support/ws-client';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, emulatorOptions());
const sockets = useSockets(
  () => emulator.wsUrl,
  () => emulator.apiKey,
);
const image = imageTask;
const ping = [{ taskType: 'ping', ping: true }];

afterEach(() => sockets.closeAll());

describe('WebSocket faults', () => {
  it('wsClose now drops every open socket', async () => {
    const [a, b] = [await sockets.open(), await sockets.open()];
    const { closedNow } = await emulator.control.addFaults([{ kind: 'wsClose' }]);
    expect(closedNow).toBe(2);
    expect((await a.waitClose()).code).toBe(1006);
    expect((await b.waitClose()).code).toBe(1006);
  });

  it('wsClose after N frames lets N frames through, then cuts (clean close with a code when asked)', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([
      { kind: 'wsClose', afterFrames: 2, mode: 'close', closeCode: 1012, count: 1 },
    ]);
    for (let i = 0; i < 3; i++) ws.send(ping);
    expect((await ws.waitClose()).code).toBe(1012);
    expect(ws.frames.filter((f) => f.data?.[0]?.pong === true)).toHaveLength(2);
  });

  it('wsClose at a rate is reproducible for the same seed', async () => {
    const run = async () => {
      const seeded = await startTestEmulator(
        emulatorOptions({ seed: 99, faults: [{ kind: 'wsClose', rate: 0.3, transport: 'ws' }] }),
      );
      try {
        const ws = await BareWs.open(seeded.wsUrl);
        const pongs: number[] = [];
        // Each auth/pong reply is one opportunity; count how many get through before the cut.
        ws.send([{ taskType: 'authentication', apiKey: seeded.apiKey }]);
        for (let i = 0; i < 20; i++) ws.send(ping);
        await ws.waitClose();
        pongs.push(ws.frames.length);
        return pongs;
      } finally {
        await seeded.stop();
      }
    };
    expect(await run()).toEqual(await run());
  });

  it('duplicateFrames sends a frame twice; clients must dedupe by taskUUID', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([{ kind: 'duplicateFrames', count: 1 }]);
    const task = image({ deliveryMethod: 'sync' });
    ws.send([task]);
    await ws.next(() => ws.itemsOf(task.taskUUID).length === 2);
    const [first, second] = ws.itemsOf(task.taskUUID);
    expect(first).toEqual(second);
  });

  it('reorderFrames swaps a frame with the next one', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([{ kind: 'reorderFrames', count: 1 }]);
    const a = image({ deliveryMethod: 'async' });
    const b = image({ deliveryMethod: 'async' });
    ws.send([a]);
    ws.send([b]);
    await ws.next(() => ws.itemsOf(a.taskUUID).length === 1 && ws.itemsOf(b.taskUUID).length === 1);
    const order = ws.frames.flatMap((f) => f.data ?? []).map((i) => i.taskUUID);
    expect(order.indexOf(b.taskUUID)).toBeLessThan(order.indexOf(a.taskUUID));
  });

  it('malformedFrames sends garbage before a real frame', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([{ kind: 'malformedFrames', count: 2 }]);
    ws.send(ping);
    ws.send(ping);
    await ws.next(() => ws.frames.filter((f) => f.data?.[0]?.pong === true).length === 2);
    const garbage = ws.raw.filter((text) => {
      try {
        const parsed = JSON.parse(text);
        return !(parsed && typeof parsed === 'object' && Array.isArray(parsed.data));
      } catch {
        return true;
      }
    });
    expect(garbage.length).toBe(2);
  });

  it('slowAuth delays the authentication reply', async () => {
    await emulator.control.addFaults([{ kind: 'slowAuth', ms: 300, count: 1 }]);
    const ws = await sockets.open(false);
    const started = Date.now();
    await ws.authenticate(emulator.apiKey);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('ackDrop never sends the ACK; the task still runs and is recoverable by getResponse', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([{ kind: 'ackDrop', transport: 'ws', count: 1 }]);
    const task = image({ deliveryMethod: 'async' });
    ws.send([task]);
    ws.send(ping);
    await ws.next((f) => f.data?.[0]?.pong === true);
    expect(ws.itemsOf(task.taskUUID)).toHaveLength(0);
    expect((await pollUntilDone(emulator, task.taskUUID))[0]?.status).toBe('success');
  });

  it('ackDelay holds the ACK', async () => {
    const ws = await sockets.open();
    await emulator.control.addFaults([{ kind: 'ackDelay', ms: 250, count: 1 }]);
    const task = image({ deliveryMethod: 'async' });
    const started = Date.now();
    ws.send([task]);
    await ws.next((f) => f.data?.some((i) => i.taskUUID === task.taskUUID) === true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
  });
});

describe('REST faults', () => {
  it('httpError 503 before the tasks run: nothing was accepted', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 503, count: 1 }]);
    const task = image({ deliveryMethod: 'async' });
    const failed = await post(emulator, [task]);
    expect([failed.status, failed.body.errors?.[0]?.code]).toEqual([503, 'serviceUnavailable']);
    expect((await post(emulator, [task])).status).toBe(200);
  });

  it('httpError 429 carries Retry-After', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 429, retryAfter: 2, count: 1 }]);
    const limited = await post(emulator, [image()]);
    expect([limited.status, limited.headers.get('retry-after'), limited.body.errors?.[0]?.code]).toEqual([
      429,
      '2',
      'rateLimitExceeded',
    ]);
  });

  it('httpError after the tasks ran: a resubmission meets conflictTaskUUID, getResponse has the result', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 502, phase: 'after', count: 1 }]);
    const task = image({ deliveryMethod: 'async' });
    expect((await post(emulator, [task])).status).toBe(502);
    expect((await post(emulator, [task])).body.errors?.[0]?.code).toBe('conflictTaskUUID');
    expect((await pollUntilDone(emulator, task.taskUUID))[0]?.status).toBe('success');
  });

  it('5xx at a rate is reproducible under the same seed', async () => {
    const run = async () => {
      const seeded = await startTestEmulator(
        emulatorOptions({ seed: 7, faults: [{ kind: 'httpError', status: 500, rate: 0.5 }] }),
      );
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await post(seeded, [{ taskType: 'ping', ping: true }])).status);
        return statuses;
      } finally {
        await seeded.stop();
      }
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(new Set(first)).toEqual(new Set([200, 500]));
  });

  it('ackDrop over REST drops the connection after accepting the task', async () => {
    await emulator.control.addFaults([{ kind: 'ackDrop', transport: 'rest', count: 1 }]);
    const task = image({ deliveryMethod: 'async' });
    await expect(post(emulator, [task])).rejects.toThrow();
    expect((await pollUntilDone(emulator, task.taskUUID))[0]?.status).toBe('success');
  });

  it('itemError fails one result of three; the others succeed', async () => {
    await emulator.control.addFaults([{ kind: 'itemError', index: 1, code: 'providerError', count: 1 }]);
    const task = image({ deliveryMethod: 'async', numberResults: 3 });
    await post(emulator, [task]);
    const items = await pollUntilDone(emulator, task.taskUUID);
    expect(items.map((i) => i.status)).toEqual(['success', 'error', 'success']);
    expect(items[1]?.error).toMatchObject({ code: 'providerError' });
  });

  it('serviceError makes the schemas service unavailable, then it recovers', async () => {
    await emulator.control.addFaults([{ kind: 'serviceError', service: 'schemas', status: 503, count: 1 }]);
    expect((await fetch(`${emulator.schemasUrl}/registry.json`)).status).toBe(503);
    expect((await fetch(`${emulator.schemasUrl}/registry.json`)).status).toBe(200);
  });

  it('rejects a malformed fault with the field named', async () => {
    const response = await fetch(`${emulator.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ kind: 'httpError', status: 200 }] }),
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].message).toContain('status must be 408, 429 or 5xx');
  });
});
