import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorStats } from '@runware/emulator';
import {
  batchCli,
  type CliProcess,
  checkResults,
  emulatorFlags,
  startCli,
  writeTasksFile,
} from '../batch-cli';
import { type BenchEmulator, withEmulator } from '../emulator-process';
import { median, metric, RunSamples, sleep } from '../metrics';
import { type BenchRedis, hasRedisServer, redisServerPath, startRedis } from '../redis-process';
import type { ScenarioContext, ScenarioRun } from '../scenario';

export interface BatchQueueConfig {
  /** Tasks enqueued per measurement (M). */
  tasks: number;
  /** Worker process counts to compare: the first is the baseline, the last the one it is compared with. */
  workers: number[];
  /** `--concurrency` of each worker. */
  concurrency: number;
  /** The emulator's latency for the image tasks: long enough that workers wait on I/O, not CPU. */
  latencyMs: number;
}

export const batchQueueGoal = { ratio: 1.5 };

/** The queue the bench uses (BullMQ keys `bull:<queue>:…`). */
const queueName = 'bench';
/** A drain that takes longer than this has hung. */
const drainTimeoutMs = 600_000;

const submitted = (stats: EmulatorStats) => stats.tasks.byTaskType.imageInference ?? 0;
const conflicts = (stats: EmulatorStats) => stats.errors.conflictTaskUUID ?? 0;

async function exitOk(cli: CliProcess, what: string, ctx: ScenarioContext, timeoutMs = drainTimeoutMs) {
  const timer = setTimeout(() => {
    ctx.problem(`${what}: still running after ${timeoutMs / 1000} s, killed`);
    cli.child.kill('SIGKILL');
  }, timeoutMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  if (exit.code !== 0) ctx.problem(`${what}: exit ${exit.code ?? exit.signal}: ${cli.tail()}`);
}

interface Drain {
  enqueueRate: number;
  /** Tasks/s from starting the worker processes to the last job finished. */
  rate: number;
  /** Tasks/s from the first job finished to the last: without process start-up. */
  steadyRate: number;
  startupMs: number;
}

/** One measurement: a fresh Redis, M tasks enqueued, then `workers` worker processes drain them. */
async function drain(
  emulator: BenchEmulator,
  config: BatchQueueConfig,
  workers: number,
  file: string,
  dir: string,
  tag: string,
  ctx: ScenarioContext,
): Promise<Drain> {
  await emulator.reset();
  const redis: BenchRedis = await startRedis();
  const processes: CliProcess[] = [];
  try {
    const queueFlags = ['--redis', redis.url, '--queue', queueName];
    const enqueueStart = performance.now();
    await exitOk(startCli(['enqueue', file, ...queueFlags]), 'batch-queue enqueue', ctx);
    const enqueueRate = (config.tasks * 1000) / (performance.now() - enqueueStart);

    const ended = async () =>
      Number(await redis.command('ZCARD', `bull:${queueName}:completed`)) +
      Number(await redis.command('ZCARD', `bull:${queueName}:failed`));
    const start = performance.now();
    for (let w = 1; w <= workers; w++)
      processes.push(
        startCli([
          'worker',
          ...queueFlags,
          '--concurrency',
          String(config.concurrency),
          '--name',
          `bench-${w}`,
          '--report-every',
          '1000000',
          ...emulatorFlags(emulator),
        ]),
      );
    let exitedEarly = false;
    for (const p of processes)
      void p.exited.then(() => {
        exitedEarly = true;
      });
    let firstAt = Number.NaN;
    let count = 0;
    while (count < config.tasks && !exitedEarly && performance.now() - start < drainTimeoutMs) {
      await sleep(20);
      count = await ended();
      if (count > 0 && Number.isNaN(firstAt)) firstAt = performance.now();
    }
    const end = performance.now();
    if (count < config.tasks)
      ctx.problem(
        `batch-queue ${workers} worker(s): ${count} of ${config.tasks} jobs ended${exitedEarly ? ` (a worker exited: ${processes.map((p) => p.tail()).join(' / ')})` : ' before the time-out'}`,
      );
    // Ctrl-C-like stop: the workers are idle now and exit 0.
    for (const p of processes) p.child.kill('SIGTERM');
    for (const [at, p] of processes.entries())
      await exitOk(p, `batch-queue worker ${at + 1}/${workers}`, ctx, 30_000);

    const out = join(dir, `${tag}.results.jsonl`);
    await exitOk(startCli(['collect', ...queueFlags, '--out', out]), 'batch-queue collect', ctx);
    const check = await checkResults(out, config.tasks);
    if (check.missing + check.repeated + check.notDone + check.stray > 0)
      ctx.problem(`batch-queue ${workers} worker(s): results ${JSON.stringify(check)}`);
    await rm(out, { force: true });
    const stats = await emulator.stats();
    if (submitted(stats) !== config.tasks || conflicts(stats) > 0)
      ctx.problem(
        `batch-queue ${workers} worker(s): the emulator received ${submitted(stats)} tasks for ${config.tasks} (${conflicts(stats)} refused repeats)`,
      );
    const steadyMs = end - firstAt;
    return {
      enqueueRate,
      rate: (config.tasks * 1000) / (end - start),
      steadyRate: steadyMs > 0 ? ((config.tasks - 1) * 1000) / steadyMs : Number.NaN,
      startupMs: firstAt - start,
    };
  } finally {
    for (const p of processes)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await redis.close();
  }
}

/**
 * Batches through the BullMQ queue (issue 17): M tasks enqueued, then drained by one worker process
 * and by several (each at the same concurrency), against the emulator with a latency that makes the
 * workers wait on I/O. Needs redis-server (Debian's `redis-server` package).
 */
export const runBatchQueue: ScenarioRun<BatchQueueConfig> = async (config, ctx) => {
  if (!hasRedisServer()) {
    ctx.problem(
      `batch-queue: no ${redisServerPath} (node tools/ensure-redis.mjs, or apt-get install redis-server, or set REDIS_SERVER_PATH)`,
    );
    return [];
  }
  const samples = new RunSamples();
  const dir = await mkdtemp(join(tmpdir(), 'runware-bench-queue-'));
  const file = join(dir, 'tasks.jsonl');
  const counts = config.workers;
  const base = counts[0] ?? 1;
  const top = counts.at(-1) ?? base;
  try {
    await writeTasksFile(file, config.tasks);
    ctx.log(`batch-queue: the CLI is ${batchCli().label}`);
    await withEmulator({ latency: { imageInference: config.latencyMs } }, async (emulator) => {
      for (let run = 1; run <= ctx.runs; run++) {
        // Alternate which goes first, so a drift of the machine does not favour one side.
        const order = run % 2 === 1 ? counts : [...counts].reverse();
        const enqueueRates: number[] = [];
        for (const workers of order) {
          ctx.log(
            `batch-queue: run ${run}/${ctx.runs}, ${config.tasks} tasks, ${workers} worker(s) × concurrency ${config.concurrency}`,
          );
          const result = await drain(emulator, config, workers, file, dir, `run-${run}-${workers}`, ctx);
          samples.add(`${workers} rate`, result.rate);
          samples.add(`${workers} steady`, result.steadyRate);
          samples.add(`${workers} startup`, result.startupMs);
          enqueueRates.push(result.enqueueRate);
        }
        samples.add('enqueue', median(enqueueRates));
        const runIndex = run - 1;
        const ratio = (key: string) =>
          (samples.get(`${top} ${key}`)[runIndex] ?? Number.NaN) /
          (samples.get(`${base} ${key}`)[runIndex] ?? Number.NaN);
        samples.add('ratio', ratio('steady'));
        samples.add('ratio with start-up', ratio('rate'));
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const s = '9 batch-queue';
  const m = config.tasks.toLocaleString('en-US');
  const latency = `${config.latencyMs} ms tasks`;
  return [
    metric(s, `enqueue ${m} tasks (one process)`, 'tasks/s', samples.get('enqueue')),
    ...counts.flatMap((workers) => [
      metric(
        s,
        `${workers} worker(s) × ${config.concurrency}, ${latency}: first result to last`,
        'tasks/s',
        samples.get(`${workers} steady`),
      ),
      metric(
        s,
        `${workers} worker(s): start of the processes to the last`,
        'tasks/s',
        samples.get(`${workers} rate`),
      ),
      metric(
        s,
        `${workers} worker(s): start of the processes to the first result`,
        'ms',
        samples.get(`${workers} startup`),
      ),
    ]),
    metric(s, `${top} workers / ${base}, first result to last`, '×', samples.get('ratio'), {
      op: '>=',
      value: batchQueueGoal.ratio,
    }),
    metric(s, `${top} workers / ${base}, with start-up`, '×', samples.get('ratio with start-up')),
  ];
};
