import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, post, uuid } from './support/emulator';
import { BareWs, useSockets } from './support/ws-client';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, emulatorOptions());
const sockets = useSockets(
  () => emulator.wsUrl,
  () => emulator.apiKey,
);
const image = imageTask;

afterEach(() => sockets.closeAll());

describe('WebSocket authentication and keepalive', () => {
  it('authenticates with the first message and returns a connectionSessionUUID', async () => {
    const ws = await sockets.open(false);
    const session = await ws.authenticate(emulator.apiKey);
    expect(session).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a bad key with an error frame and closes the socket', async () => {
    const ws = await sockets.open(false);
    ws.send([{ taskType: 'authentication', apiKey: 'wrong-key-999' }]);
    const frame = await ws.next((f) => Boolean(f.errors));
    expect(frame.errors?.[0]).toMatchObject({ code: 'invalidApiKey', taskType: 'authentication' });
    expect(JSON.stringify(frame)).not.toContain('wrong-key-999');
    expect((await ws.waitClose()).code).toBe(1008);
  });

  it('refuses tasks before authentication but keeps the socket open for it', async () => {
    const ws = await sockets.open(false);
    ws.send([image()]);
    expect((await ws.next((f) => Boolean(f.errors))).errors?.[0]?.code).toBe('missingAuthentication');
    await ws.authenticate(emulator.apiKey);
  });

  it('answers ping with pong', async () => {
    const ws = await sockets.open(false);
    await ws.authenticate(emulator.apiKey);
    ws.send([{ taskType: 'ping', ping: true }]);
    expect((await ws.next((f) => f.data?.[0]?.taskType === 'ping')).data).toEqual([
      { taskType: 'ping', pong: true },
    ]);
  });

  it('closes a connection that stays silent past the inactivity timeout', async () => {
    const quiet = await startTestEmulator(emulatorOptions({ inactivityTimeoutMs: 150 }));
    try {
      const ws = await BareWs.open(quiet.wsUrl);
      await ws.authenticate(quiet.apiKey);
      const closed = await ws.waitClose(3000);
      expect(closed).toEqual({ code: 1000, reason: 'inactivity timeout' });
    } finally {
      await quiet.stop();
    }
  });
});

describe('WebSocket delivery', () => {
  it('pushes sync results as they finish, routed by taskUUID, with no polling', async () => {
    const ws = await sockets.open(false);
    await ws.authenticate(emulator.apiKey);
    const a = image({ deliveryMethod: 'sync', numberResults: 2 });
    const b = image({ deliveryMethod: 'sync' });
    ws.send([a, b]);
    await ws.next(() => ws.itemsOf(a.taskUUID).length === 2 && ws.itemsOf(b.taskUUID).length === 1);
    expect(ws.itemsOf(a.taskUUID).every((i) => typeof i.imageURL === 'string')).toBe(true);
  });

  it('acknowledges async tasks with one item each, and getResponse over the socket gives the full state', async () => {
    const ws = await sockets.open(false);
    await ws.authenticate(emulator.apiKey);
    const task = image({ deliveryMethod: 'async', numberResults: 3 });
    ws.send([task]);
    const ack = await ws.next((f) => f.data?.some((i) => i.taskUUID === task.taskUUID) === true);
    expect(ack.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    await new Promise((r) => setTimeout(r, 100));
    ws.send([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    const state = await ws.next(
      (f) => (f.data?.filter((i) => i.taskUUID === task.taskUUID && i.status).length ?? 0) === 3,
    );
    expect(state.data?.map((i) => i.status)).toEqual(['success', 'success', 'success']);
  });

  it('ignores a malformed client frame with an error, and the connection keeps working', async () => {
    const ws = await sockets.open(false);
    await ws.authenticate(emulator.apiKey);
    ws.send('{"taskType": "ping"');
    expect((await ws.next((f) => Boolean(f.errors))).errors?.[0]?.code).toBe('invalidJson');
    ws.send('{"taskType": "ping"}');
    expect((await ws.next((f) => f.errors?.[0]?.code === 'invalidRequestFormat')).errors).toHaveLength(1);
    ws.send([{ taskType: 'ping', ping: true }]);
    await ws.next((f) => f.data?.[0]?.pong === true);
  });

  it('answers an oversized frame with invalidRequestSize instead of crashing', async () => {
    const small = await startTestEmulator(emulatorOptions({ maxPayloadBytes: 2048 }));
    try {
      const ws = await BareWs.open(small.wsUrl);
      await ws.authenticate(small.apiKey);
      ws.send([image({ positivePrompt: 'x'.repeat(3000) })]);
      expect((await ws.next((f) => Boolean(f.errors))).errors?.[0]?.code).toBe('invalidRequestSize');
      ws.send([{ taskType: 'ping', ping: true }]);
      await ws.next((f) => f.data?.[0]?.pong === true);
      ws.close();
    } finally {
      await small.stop();
    }
  });
});

describe('session resume', () => {
  it('replays results produced while the client was away, under their taskUUIDs, exactly once', async () => {
    const ws = await sockets.open(false);
    const session = await ws.authenticate(emulator.apiKey);
    const task = image({ deliveryMethod: 'sync', numberResults: 2 });
    // The socket dies right after the task is sent: its results are produced while no one listens.
    await emulator.control.addFaults([{ kind: 'wsClose', afterFrames: 0, count: 1 }]);
    ws.send([task]);
    await ws.waitClose();
    await new Promise((r) => setTimeout(r, 100));
    const again = await sockets.open(false);
    expect(await again.authenticate(emulator.apiKey, session)).toBe(session);
    await again.next(() => again.itemsOf(task.taskUUID).length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(again.itemsOf(task.taskUUID)).toHaveLength(2);
    expect(new Set(again.itemsOf(task.taskUUID).map((i) => i.imageUUID)).size).toBe(2);
    const stats = await emulator.control.stats();
    expect(stats.connections.resumed).toBeGreaterThanOrEqual(1);
  });

  it('gives a new session for an unknown session id', async () => {
    const ws = await sockets.open(false);
    const stale = uuid();
    expect(await ws.authenticate(emulator.apiKey, stale)).not.toBe(stale);
  });

  it('lets REST poll a task submitted over the socket (same key)', async () => {
    const ws = await sockets.open(false);
    await ws.authenticate(emulator.apiKey);
    const task = image({ deliveryMethod: 'async' });
    ws.send([task]);
    await ws.next((f) => f.data?.some((i) => i.taskUUID === task.taskUUID) === true);
    const { body } = await post(emulator, [{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(body.data?.[0]?.taskUUID).toBe(task.taskUUID);
  });
});
