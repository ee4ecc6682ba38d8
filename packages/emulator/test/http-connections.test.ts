import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, useEmulator } from '../src/testing/index';
import { emulatorOptions } from './support/emulator';

// Held long enough that every request of a burst is in flight at once, even on a loaded machine.
const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions({ latency: { imageInference: 300 } }));

/** POSTs one sync image task through `agent` and reads the whole answer. */
function postThrough(agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      emulator.httpUrl,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify([imageTask({ width: 8, height: 8, deliveryMethod: 'sync' })]));
  });
}

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('httpConnections stats', () => {
  it('counts accepted TCP connections and the peak open at once; the gauge shows those open now', async () => {
    await emulator.control.reset();
    const before = await emulator.control.stats();
    expect(before.httpConnections).toEqual({ accepted: 0, peakOpen: 0 });
    expect(before.gauges.httpConnectionsOpen).toBe(0);

    const agent = new Agent({ keepAlive: true, maxSockets: 6 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => postThrough(agent)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const during = await emulator.control.stats();
    // Twelve requests over six kept-alive sockets: six connections, all open at once.
    expect(during.httpConnections).toEqual({ accepted: 6, peakOpen: 6 });
    expect(during.gauges.httpConnectionsOpen).toBe(6);

    // A reset clears the counters; the peak restarts from the sockets still open.
    await emulator.control.reset();
    expect((await emulator.control.stats()).httpConnections).toEqual({ accepted: 0, peakOpen: 6 });

    agent.destroy();
    await waitFor(async () => (await emulator.control.stats()).gauges.httpConnectionsOpen === 0);
    expect((await emulator.control.stats()).gauges.httpConnectionsOpen).toBe(0);
    await emulator.control.reset();
    expect((await emulator.control.stats()).httpConnections.peakOpen).toBe(0);
  });
});
