import type { BatchConfig } from './scenarios/batch';
import type { BatchQueueConfig } from './scenarios/batch-queue';
import type { ChaosConfig } from './scenarios/chaos';
import type { HeapConfig } from './scenarios/heap';
import type { LagConfig } from './scenarios/lag';
import type { LoneConfig } from './scenarios/lone';
import type { MixedConfig } from './scenarios/mixed';
import type { RequestsConfig } from './scenarios/requests';
import type { ThroughputConfig } from './scenarios/throughput';

export interface BenchConfig {
  runs: number;
  lag: LagConfig;
  mixed: MixedConfig;
  requests: RequestsConfig;
  lone: LoneConfig;
  throughput: ThroughputConfig;
  heap: HeapConfig;
  chaos: ChaosConfig;
  batch: BatchConfig;
  batchQueue: BatchQueueConfig;
}

export const scenarioIds = [
  'lag',
  'mixed',
  'requests',
  'lone',
  'throughput',
  'heap',
  'chaos',
  'batch',
  'batch-queue',
] as const;
/**
 * What runs without `--only`: chaos is a long correctness run of its own (`--only chaos`); the batch
 * scenarios (issue 17) measure `@runware/batch`, not the engine, and `batch-queue` needs Redis.
 */
export const defaultScenarioIds = ['lag', 'mixed', 'requests', 'lone', 'throughput', 'heap'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** The full run (about 5 minutes on 2 cores, plus install and build). */
export const defaultConfig: BenchConfig = {
  runs: 3,
  lag: { classesMs: [200, 1000, 3000, 5000, 30_000], tasksPerClass: 100 },
  mixed: { longMs: 20_000, shortMs: 200, waves: 8, perWave: 10 },
  requests: { tasks: 100, durationMs: 5000 },
  lone: { durationsMs: [1000, 5000] },
  throughput: { tasks: 10_000, concurrencies: [200, 1000], rounds: 3 },
  heap: { inFlight: 1000 },
  chaos: { tasks: { rest: 20_000, ws: 30_000 }, concurrency: 500 },
  batch: { tasks: 100_000, concurrency: 500, rounds: 2 },
  batchQueue: { tasks: 20_000, workers: [1, 3], concurrency: 200, latencyMs: 200 },
};

/** `--quick`: one run, a 10 s longest class and long task, fewer tasks (about a minute). */
export const quickConfig: BenchConfig = {
  runs: 1,
  lag: { classesMs: [200, 1000, 3000, 5000, 10_000], tasksPerClass: 50 },
  mixed: { longMs: 10_000, shortMs: 200, waves: 4, perWave: 10 },
  requests: { tasks: 100, durationMs: 5000 },
  lone: { durationsMs: [1000, 5000] },
  throughput: { tasks: 2000, concurrencies: [200, 1000], rounds: 1 },
  heap: { inFlight: 1000 },
  chaos: { tasks: { rest: 2000, ws: 3000 }, concurrency: 200 },
  batch: { tasks: 10_000, concurrency: 500, rounds: 1 },
  batchQueue: { tasks: 2000, workers: [1, 3], concurrency: 200, latencyMs: 200 },
};

/** Tiny sizes for the smoke test: every scenario end to end in seconds. */
export const smokeConfig: BenchConfig = {
  runs: 1,
  lag: { classesMs: [100, 300], tasksPerClass: 3 },
  mixed: { longMs: 1200, shortMs: 100, waves: 2, perWave: 3 },
  requests: { tasks: 5, durationMs: 300 },
  lone: { durationsMs: [200, 400] },
  throughput: { tasks: 50, concurrencies: [5, 20], rounds: 1 },
  heap: { inFlight: 20 },
  chaos: { tasks: { rest: 20, ws: 30 }, concurrency: 10 },
  batch: { tasks: 60, concurrency: 10, rounds: 1 },
  batchQueue: { tasks: 30, workers: [1, 2], concurrency: 5, latencyMs: 20 },
};
