import { isRunwareError } from '@runware/core';
import { createCloseNotifier } from '@runware/core/transport-kit';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addFaults, imageTask, sleep, stats, transportFor } from './support/emulator';

// Many sends in flight on one transport must not make Node warn about "11 abort listeners added
// to [AbortSignal]": close() must reach every request without a listener per request on a shared
// signal. Node prints that warning through process 'warning' events, which this file listens to.

const concurrency = 50;

// Sync image tasks answer after 1.5 s, so all 50 sends overlap.
const emulator = useEmulator(
  { beforeAll, afterAll, afterEach },
  { latency: { default: 5, imageInference: 1500 } },
);

/** The process warnings emitted while `run` runs (and just after: they arrive on nextTick). */
async function warningsDuring(run: () => Promise<void>): Promise<Error[]> {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    await run();
    await sleep(10);
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

const listenerWarnings = (warnings: Error[]) =>
  warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message);

/** The RunwareError code each send ends with; called at once, so no rejection goes unhandled. */
async function outcomes(sends: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(sends);
  return settled.map((s) =>
    s.status === 'fulfilled' ? 'resolved' : isRunwareError(s.reason) ? s.reason.code : 'other',
  );
}

/** Waits until the emulator has received `count` REST requests. */
async function untilReceived(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await stats(emulator)).requests.rest < count) {
    if (Date.now() > deadline) throw new Error(`the emulator did not receive ${count} requests`);
    await sleep(20);
  }
}

describe(`${concurrency} concurrent sends on one transport`, () => {
  it('complete without a MaxListenersExceededWarning', async () => {
    const transport = transportFor(emulator);
    let results: Awaited<ReturnType<typeof transport.send>>[] = [];
    const warnings = await warningsDuring(async () => {
      results = await Promise.all(Array.from({ length: concurrency }, () => transport.send([imageTask()])));
      await transport.close();
    });
    expect(listenerWarnings(warnings)).toEqual([]);
    expect(results).toHaveLength(concurrency);
    expect(results.every((r) => r.errors.length === 0 && r.data.length === 1)).toBe(true);
  });

  it('are all rejected with connection by close() while in flight, without a warning', async () => {
    const transport = transportFor(emulator);
    let codes: string[] = [];
    const warnings = await warningsDuring(async () => {
      const settling = outcomes(Array.from({ length: concurrency }, () => transport.send([imageTask()])));
      await untilReceived(concurrency);
      await transport.close();
      codes = await settling;
    });
    expect(listenerWarnings(warnings)).toEqual([]);
    expect(codes).toEqual(Array.from({ length: concurrency }, () => 'connection'));
    expect((await stats(emulator)).requests.rest).toBe(concurrency);
    // REST is stateless: a send after close() starts afresh.
    expect(await outcomes([transport.send([imageTask()])])).toEqual(['resolved']);
    await transport.close();
  });

  it('are all rejected with connection by close() while waiting to retry, without a warning', async () => {
    await addFaults(emulator, [{ kind: 'httpError', status: 503, count: concurrency }]);
    // A retry wait far longer than the test timeout: only close() can end it in time.
    const transport = transportFor(emulator, { retryDelay: 60_000, maxRetryDelay: 60_000 });
    let codes: string[] = [];
    const warnings = await warningsDuring(async () => {
      const settling = outcomes(Array.from({ length: concurrency }, () => transport.send([imageTask()])));
      await untilReceived(concurrency);
      await sleep(50);
      await transport.close();
      codes = await settling;
    });
    expect(listenerWarnings(warnings)).toEqual([]);
    expect(codes).toEqual(Array.from({ length: concurrency }, () => 'connection'));
    expect((await stats(emulator)).requests.rest).toBe(concurrency);
  });
});

describe('createCloseNotifier', () => {
  it('runs each live subscriber once, forgets unsubscribed ones, and runs late ones at once', () => {
    const notifier = createCloseNotifier();
    const calls: string[] = [];
    notifier.onClose(() => calls.push('a'));
    const unsubscribe = notifier.onClose(() => calls.push('b'));
    notifier.onClose(() => calls.push('c'));
    unsubscribe();
    expect(notifier.closed).toBe(false);
    notifier.close();
    notifier.close();
    expect(notifier.closed).toBe(true);
    expect(calls).toEqual(['a', 'c']);
    notifier.onClose(() => calls.push('late'));
    expect(calls).toEqual(['a', 'c', 'late']);
  });
});
