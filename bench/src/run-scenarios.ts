import type { BenchConfig, ScenarioId } from './config';
import type { Metric } from './metrics';
import type { ScenarioContext } from './scenario';
import { runBatchBench } from './scenarios/batch';
import { runBatchQueue } from './scenarios/batch-queue';
import { runChaos } from './scenarios/chaos';
import { runHeap } from './scenarios/heap';
import { runLag } from './scenarios/lag';
import { runLone } from './scenarios/lone';
import { runMixed } from './scenarios/mixed';
import { runRequests } from './scenarios/requests';
import { runThroughput } from './scenarios/throughput';

/** Runs the chosen scenarios one after the other (never at once: they would skew each other). */
export async function runScenarios(
  config: BenchConfig,
  only: readonly ScenarioId[],
  ctx: ScenarioContext,
): Promise<Metric[]> {
  const table: Record<ScenarioId, () => Promise<Metric[]>> = {
    lag: () => runLag(config.lag, ctx),
    mixed: () => runMixed(config.mixed, ctx),
    requests: () => runRequests(config.requests, ctx),
    lone: () => runLone(config.lone, ctx),
    throughput: () => runThroughput(config.throughput, ctx),
    heap: () => runHeap(config.heap, ctx),
    chaos: () => runChaos(config.chaos, ctx),
    batch: () => runBatchBench(config.batch, ctx),
    'batch-queue': () => runBatchQueue(config.batchQueue, ctx),
  };
  const metrics: Metric[] = [];
  for (const id of only) metrics.push(...(await table[id]()));
  return metrics;
}
