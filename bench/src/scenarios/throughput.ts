import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { benchClient } from '../clients';
import type { BenchEmulator } from '../emulator-process';
import { withEmulator } from '../emulator-process';
import { median, metric, RunSamples } from '../metrics';
import { describeError, type ScenarioContext, type ScenarioRun } from '../scenario';

export interface ThroughputConfig {
  /** Tasks per measurement. */
  tasks: number;
  /** Tasks in flight on the one socket. */
  concurrencies: number[];
  /** SDK/bare pairs per run (a measurement lasts about a second): a run's figures are their medians. */
  rounds: number;
}

export const throughputGoal = { ratio: 0.9 };

/** Tasks run before the clock starts, so both loops are warm (JIT, socket, emulator caches). */
const warmUpTasks = 100;
/** A measurement that takes longer than this has hung. */
const measurementTimeoutMs = 300_000;

const params = { model: 'runware:400@1', positivePrompt: 'bench', width: 64, height: 64 } as const;

/** Keeps `concurrency` calls of `one()` in flight until `total` have finished; resolves with the ms taken. */
async function pool(total: number, concurrency: number, one: () => Promise<void>): Promise<number> {
  let started = 0;
  const start = performance.now();
  const worker = async () => {
    while (started < total) {
      started += 1;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return performance.now() - start;
}

/** tasks/s of `client.run()` with deliveryMethod sync over one WebSocket. */
async function sdkRate(emulator: BenchEmulator, total: number, concurrency: number, ctx: ScenarioContext) {
  const client = await benchClient(emulator, 'ws');
  try {
    await client.connect();
    const one = () =>
      client.run({ ...params, deliveryMethod: 'sync' }, { timeout: measurementTimeoutMs }).then(
        () => undefined,
        (error: unknown) => ctx.problem(`throughput SDK: ${describeError(error)}`),
      );
    await pool(warmUpTasks, concurrency, one);
    const ms = await pool(total, concurrency, one);
    return (total * 1000) / ms;
  } finally {
    await client.close();
  }
}

/**
 * The baseline: the protocol spoken by hand over `ws`, no SDK. Authenticate, then one task array
 * per task, results routed by taskUUID, the next task sent when one finishes.
 */
async function bareRate(emulator: BenchEmulator, total: number, concurrency: number, ctx: ScenarioContext) {
  const socket = new WebSocket(emulator.wsUrl);
  const waiting = new Map<string, () => void>();
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => {
        socket.send(JSON.stringify([{ taskType: 'authentication', apiKey: emulator.apiKey }]));
        socket.once('message', (raw) => {
          const frame = JSON.parse(String(raw)) as { data?: { connectionSessionUUID?: string }[] };
          if (frame.data?.[0]?.connectionSessionUUID) resolve();
          else reject(new Error(`authentication failed: ${String(raw)}`));
        });
      });
    });
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as {
        data?: { taskUUID?: string }[];
        errors?: { taskUUID?: string; code?: string; message?: string }[];
      };
      for (const item of frame.data ?? []) {
        const done = item.taskUUID ? waiting.get(item.taskUUID) : undefined;
        if (done && item.taskUUID) {
          waiting.delete(item.taskUUID);
          done();
        }
      }
      for (const error of frame.errors ?? []) {
        const done = error.taskUUID ? waiting.get(error.taskUUID) : undefined;
        ctx.problem(`throughput bare ws: ${error.code}: ${error.message}`);
        if (done && error.taskUUID) {
          waiting.delete(error.taskUUID);
          done();
        }
      }
    });
    socket.on('close', () => {
      if (waiting.size > 0)
        ctx.problem(`throughput bare ws: socket closed with ${waiting.size} tasks in flight`);
      for (const done of waiting.values()) done();
      waiting.clear();
    });
    const one = () =>
      new Promise<void>((resolve) => {
        const taskUUID = randomUUID();
        waiting.set(taskUUID, resolve);
        socket.send(
          JSON.stringify([{ taskType: 'imageInference', taskUUID, deliveryMethod: 'sync', ...params }]),
        );
      });
    await pool(warmUpTasks, concurrency, one);
    const ms = await pool(total, concurrency, one);
    return (total * 1000) / ms;
  } finally {
    socket.close();
  }
}

/** Rejects when `promise` takes longer than the measurement budget. */
function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${measurementTimeoutMs} ms`)),
      measurementTimeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * 5. WebSocket sync throughput: `tasks` sync tasks at a fixed concurrency on one socket, the SDK
 * against a bare `ws` loop, measured one after the other (which goes first alternates) against the
 * same emulator (latency 0, reset before each measurement), `rounds` pairs per run.
 */
export const runThroughput: ScenarioRun<ThroughputConfig> = async (config, ctx) => {
  const samples = new RunSamples();
  await withEmulator({ latency: { imageInference: 0 } }, async (emulator) => {
    for (let run = 1; run <= ctx.runs; run++) {
      for (const concurrency of config.concurrencies) {
        ctx.log(
          `throughput: run ${run}/${ctx.runs}, ${config.rounds} × (SDK, bare) × ${config.tasks} sync tasks at concurrency ${concurrency}`,
        );
        const measure = async (which: 'sdk' | 'bare') => {
          await emulator.reset();
          const rate = which === 'sdk' ? sdkRate : bareRate;
          return bounded(rate(emulator, config.tasks, concurrency, ctx), `throughput ${which}`);
        };
        const sdkRates: number[] = [];
        const bareRates: number[] = [];
        const ratios: number[] = [];
        for (let round = 0; round < config.rounds; round++) {
          // Alternate which goes first, so a drift of the machine does not favour one side.
          const sdkFirst = (run + round) % 2 === 0;
          const first = await measure(sdkFirst ? 'sdk' : 'bare');
          const second = await measure(sdkFirst ? 'bare' : 'sdk');
          const sdkValue = sdkFirst ? first : second;
          const bareValue = sdkFirst ? second : first;
          sdkRates.push(sdkValue);
          bareRates.push(bareValue);
          ratios.push(sdkValue / bareValue);
        }
        const sdk = median(sdkRates);
        const bare = median(bareRates);
        samples.add(`${concurrency} sdk`, sdk);
        samples.add(`${concurrency} bare`, bare);
        samples.add(`${concurrency} ratio`, median(ratios));
      }
    }
  });
  return config.concurrencies.flatMap((concurrency) => [
    metric(
      '5 throughput',
      `bare ws, concurrency ${concurrency}`,
      'tasks/s',
      samples.get(`${concurrency} bare`),
    ),
    metric(
      '5 throughput',
      `SDK ws, concurrency ${concurrency}`,
      'tasks/s',
      samples.get(`${concurrency} sdk`),
    ),
    metric('5 throughput', `SDK/bare, concurrency ${concurrency}`, '×', samples.get(`${concurrency} ratio`), {
      op: '>=',
      value: throughputGoal.ratio,
    }),
  ]);
};
