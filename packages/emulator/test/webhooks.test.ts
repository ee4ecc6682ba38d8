import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, useEmulator } from '../src/testing/index';
import { emulatorOptions, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());
let receiver: Server;
let receiverUrl: string;
const received: { path: string; body: Record<string, unknown> }[] = [];
let failFirst = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      if (failFirst > 0) {
        failFirst -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function until(test: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhooks', () => {
  it('acknowledges at once, then POSTs each finished item as {data:[item]}', async () => {
    const task = imageTask({
      width: 8,
      height: 8,
      numberResults: 2,
      webhookURL: `${receiverUrl}/hook?token=abc`,
    });
    const ack = await post(emulator, [task]);
    expect(ack.body.data).toEqual([{ taskType: 'imageInference', taskUUID: task.taskUUID }]);
    await until(() => received.filter((r) => r.path === '/hook?token=abc').length === 2);
    const items = received
      .filter((r) => r.path === '/hook?token=abc')
      .map((r) => (r.body.data as Record<string, unknown>[])[0]);
    expect(items.every((i) => i?.taskUUID === task.taskUUID && typeof i?.imageURL === 'string')).toBe(true);
    // The receiver has the body before the emulator has read its answer and counted the delivery.
    await expect.poll(async () => (await emulator.control.stats()).webhooks.sent).toBeGreaterThanOrEqual(2);
  });

  it('retries a delivery the receiver refused', async () => {
    failFirst = 2;
    const task = {
      taskType: 'caption',
      taskUUID: uuid(),
      model: 'runware:150@2',
      inputs: { image: 'https://example.invalid/a.jpg' },
      webhookURL: `${receiverUrl}/retry`,
    };
    await post(emulator, [task]);
    await until(() => received.some((r) => r.path === '/retry'));
    expect(failFirst).toBe(0);
  });
});
