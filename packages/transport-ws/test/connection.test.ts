import { isRunwareError } from '@runware/core';
import { describe, expect, it } from 'vitest';
import { createWebSocketTransport } from '../src/index';
import { addFaults, imageTask, sleep, startEmulator, stats } from './support/emulator';
import { useFileEmulator } from './support/file-emulator';

const env = useFileEmulator({ default: 5, imageInference: 10, videoInference: 5000 });

const slowVideo = () => ({
  taskType: 'videoInference',
  taskUUID: crypto.randomUUID(),
  model: 'klingai:5@3',
  positivePrompt: 'waves',
  duration: 5,
  deliveryMethod: 'sync',
});

describe('authentication', () => {
  it('rejects with code auth (invalidApiKey) on a bad key, and never reconnects', async () => {
    const { transport } = env.open({ apiKey: 'wrong-key' });
    const error = await transport.send([imageTask()]).catch((e: unknown) => e);
    expect(isRunwareError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'auth', rawCode: 'invalidApiKey' });
    await expect(transport.connect()).rejects.toMatchObject({ code: 'auth' });
    await sleep(150);
    expect((await stats(env.emulator)).connections.opened).toBe(2);
    expect(transport.isConnected()).toBe(false);
  });

  it('gives up on a slow authentication with authTimeout (code auth)', async () => {
    const { transport } = env.open({ authTimeout: 100 });
    await addFaults(env.emulator, [{ kind: 'slowAuth', ms: 600, count: 1 }]);
    await expect(transport.send([imageTask()])).rejects.toMatchObject({
      code: 'auth',
      rawCode: 'authTimeout',
    });
  });

  it('reports a failed first connect to the caller with code connection (not retried)', async () => {
    const transport = createWebSocketTransport({ apiKey: 'k', wsBaseUrl: 'ws://127.0.0.1:9/v1' });
    env.defer(() => transport.disconnect());
    await expect(transport.connect()).rejects.toMatchObject({
      code: 'connection',
      rawCode: 'connectionFailed',
    });
    await expect(transport.send([imageTask()])).rejects.toMatchObject({ code: 'connection' });
  });
});

describe('reconnects and lifecycle', () => {
  it('rejects pending sends with reconnectionFailed when reconnect attempts run out', async () => {
    const own = await startEmulator({ port: 0, latency: { default: 5, videoInference: 5000 } });
    const { transport, logs } = env.open({ maxReconnectAttempts: 3 }, own);
    await transport.connect();
    // The handler goes on at once: the send can reject while stop() is still running.
    const pending = transport.send([slowVideo()]).catch((e: unknown) => e);
    const started = performance.now();
    await own.stop();
    const error = await pending;
    const elapsed = performance.now() - started;
    console.info(`reconnect exhaustion (3 attempts, base 20 ms, cap 200 ms): ${Math.round(elapsed)} ms`);
    expect(error).toMatchObject({ code: 'connection', rawCode: 'reconnectionFailed' });
    const delays = logs
      .filter((line) => line.category === 'retry' && /reconnect attempt \d+ in/.test(line.message))
      .map((line) => Number(/in (\d+) ms/.exec(line.message)?.[1]));
    expect(delays).toEqual([20, 40, 80]);
  });

  it('disconnect() rejects pending sends with disconnected; a later send reconnects', async () => {
    const { transport } = env.open();
    const pending = transport.send([slowVideo()]).catch((e: unknown) => e);
    await expect.poll(() => transport.isConnected()).toBe(true);
    await transport.disconnect();
    expect(await pending).toMatchObject({ code: 'connection', rawCode: 'disconnected' });
    expect(transport.isConnected()).toBe(false);
    expect(transport.sessionId()).toBeUndefined();
    const answer = await transport.send([imageTask()]);
    expect(answer.data).toHaveLength(1);
    expect((await stats(env.emulator)).connections.authenticated).toBe(2);
  });

  it('reconnects (and resumes) after inbound silence past inactivityTimeout', async () => {
    const { transport, logs } = env.open({ inactivityTimeout: 150, heartbeatInterval: 60_000 });
    await transport.connect();
    const session = transport.sessionId();
    await expect
      .poll(async () => (await stats(env.emulator)).connections.resumed, { timeout: 2000 })
      .toBeGreaterThan(0);
    expect(logs.some((line) => line.category === 'heartbeat' && /no inbound frame/.test(line.message))).toBe(
      true,
    );
    expect(transport.sessionId()).toBe(session);
    expect((await transport.send([imageTask()])).data).toHaveLength(1);
  });

  it('keeps an idle socket alive with pings shorter than the server’s idle limit', async () => {
    const strict = await startEmulator({ port: 0, latency: { default: 5 }, inactivityTimeoutMs: 200 });
    env.defer(() => strict.stop());
    const { transport, logs } = env.open({ heartbeatInterval: 50 }, strict);
    await transport.connect();
    await sleep(700);
    const s = await stats(strict);
    expect(s.connections.opened).toBe(1);
    expect(s.connections.closedByServer).toBe(0);
    expect(logs.filter((line) => line.category === 'heartbeat').length).toBeGreaterThan(5);
    expect((await transport.send([imageTask()])).data).toHaveLength(1);
  });

  it('without a heartbeat, the server’s idle close is survived by reconnect + resume', async () => {
    const strict = await startEmulator({ port: 0, latency: { default: 5 }, inactivityTimeoutMs: 100 });
    env.defer(() => strict.stop());
    const { transport } = env.open({ heartbeatInterval: 60_000 }, strict);
    await transport.connect();
    await expect
      .poll(async () => (await stats(strict)).connections.resumed, { timeout: 2000 })
      .toBeGreaterThan(0);
    expect((await transport.send([imageTask()])).data).toHaveLength(1);
  });

  it('connect() is idempotent and shares one socket', async () => {
    const { transport } = env.open();
    await Promise.all([transport.connect(), transport.connect(), transport.send([imageTask()])]);
    await transport.connect();
    expect((await stats(env.emulator)).connections.opened).toBe(1);
  });
});
