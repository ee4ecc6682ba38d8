/** `runBatch` as a library, against a real emulator over real sockets. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmulator } from '@runware/emulator/testing';
import { createClient, type RunwareClient } from '@runware/sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BatchProgress, type BatchResult, createFileJournal, runBatch } from '../src/index';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 30 } });
let dir: string;
let clients: RunwareClient[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-batch-'));
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
  await rm(dir, { recursive: true, force: true });
});

async function client(options: Record<string, unknown> = {}): Promise<RunwareClient> {
  const created = await createClient({
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    ...options,
  });
  clients.push(created);
  return created;
}

const task = (i: number) => ({ model: 'runware:400@1', positivePrompt: `p${i}`, width: 64, height: 64 });

async function* slowly(count: number) {
  for (let i = 0; i < count; i += 1) {
    yield task(i);
    if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function* sync(tasks: AsyncIterable<Record<string, unknown>>) {
  for await (const t of tasks) yield { ...t, deliveryMethod: 'sync' };
}

describe('runBatch', () => {
  it('runs an async iterable with bounded concurrency and sums the cost', async () => {
    const results: BatchResult[] = [];
    let most = 0;
    const summary = await runBatch(await client(), slowly(60), {
      concurrency: 5,
      onProgress: (p) => {
        most = Math.max(most, p.inFlight);
      },
      progressIntervalMs: 5,
      onResult: (r) => {
        results.push(r);
      },
    });
    expect(summary).toMatchObject({ done: 60, failed: 0, skipped: 0 });
    expect(most).toBeLessThanOrEqual(5);
    expect(most).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.index)).size).toBe(60);
    expect(summary.cost).toBeCloseTo(
      results.reduce((sum, r) => sum + r.cost, 0),
      10,
    );
    expect(summary.cost).toBeGreaterThan(0);
  });

  it('lowers its concurrency in a 429 storm and still finishes every task once', async () => {
    // Half the requests turned away until 24 have been; one SDK retry each, so some reach the batch.
    await emulator.control.addFaults([
      { kind: 'httpError', status: 429, rate: 0.5, transport: 'rest', count: 24 },
    ]);
    const lows: BatchProgress[] = [];
    const c = await client({ transportType: 'rest', maxRetries: 1 });
    const summary = await runBatch(c, sync(slowly(120)), {
      concurrency: 16,
      onProgress: (p) => lows.push(p),
      progressIntervalMs: 5,
    });
    expect(summary).toMatchObject({ done: 120, failed: 0 });
    expect(Math.min(...lows.map((p) => p.concurrency))).toBeLessThan(16);
    expect(Math.max(...lows.map((p) => p.concurrency))).toBeLessThanOrEqual(16);
    const submits = await emulator.control.submitCounts();
    // Refused (429) submissions are resent with the same taskUUID: 120 distinct taskUUIDs, no others.
    expect(submits.size).toBe(120);
  });

  it('stops at the first auth error instead of failing every other task the same way', async () => {
    const c = await createClient({
      apiKey: 'not-a-key-0123456789',
      httpBaseUrl: emulator.httpUrl,
      wsBaseUrl: emulator.wsUrl,
      schemasBaseUrl: emulator.schemasUrl,
      transportType: 'rest',
    });
    clients.push(c);
    const summary = await runBatch(c, slowly(200), { concurrency: 4 });
    expect(summary.stopped).toBe('auth');
    expect(summary.failedByCode.auth).toBeGreaterThan(0);
    expect(summary.failed).toBeLessThan(20);
  });

  it('resumes a stopped batch from its file journal: finished tasks skipped, the rest recovered or sent once', async () => {
    const journal = join(dir, 'journal');
    const c = await client();
    const controller = new AbortController();
    let seen = 0;
    const first = await runBatch(c, slowly(80), {
      journal,
      concurrency: 8,
      signal: controller.signal,
      onResult: () => {
        seen += 1;
        if (seen === 30) controller.abort();
      },
    });
    expect(first.stopped).toBe('aborted');
    expect(first.done).toBeLessThan(80);
    const second = await runBatch(c, slowly(80), { journal, concurrency: 8 });
    expect(second.alreadyFinished).toBe(first.done);
    expect(first.done + second.done).toBe(80);
    const submits = await emulator.control.submitCounts();
    expect(submits.size).toBe(80);
    expect([...submits.values()].every((n) => n === 1)).toBe(true);
  });

  it('refuses to resume when the task at an index changed since its taskUUID was recorded', async () => {
    const path = join(dir, 'journal');
    const journal = createFileJournal(path);
    await journal.load();
    await journal.assign(0, '3f1c2a7e-1111-4222-8333-444455556666', 1);
    await journal.close();
    await expect(runBatch(await client(), [task(0)], { journal: path })).rejects.toMatchObject({
      code: 'validation',
      rawCode: 'journalMismatch',
    });
  });

  it('rejects with the error an onResult threw, after the tasks in flight settle', async () => {
    await expect(
      runBatch(await client(), slowly(20), {
        concurrency: 4,
        onResult: (r) => {
          if (r.index === 3) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
  });

  it('names a bad concurrency', async () => {
    await expect(runBatch(await client(), [], { concurrency: 0 })).rejects.toMatchObject({
      parameter: 'concurrency',
    });
  });
});
