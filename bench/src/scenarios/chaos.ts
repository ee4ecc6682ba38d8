import type { RunwareClient } from '@runware/sdk';
import { benchClient, type Transport, transportLabel, transports } from '../clients';
import { type BenchEmulator, withEmulator } from '../emulator-process';
import { metric, RunSamples } from '../metrics';
import { describeError, type ScenarioRun } from '../scenario';

export interface ChaosConfig {
  /** Tasks per transport per run. */
  tasks: { rest: number; ws: number };
  /** Tasks in flight at once per client. */
  concurrency: number;
}

/**
 * Faults at rates a bad network and an overloaded service produce (PRNG-seeded by the emulator, so
 * a run is reproducible): WebSocket cuts, duplicated, reordered and malformed frames and dropped
 * ACKs; REST 503s before and after the tasks ran, 429s, and dropped answers.
 */
const faults = [
  { kind: 'wsClose', rate: 0.002, transport: 'ws' },
  { kind: 'duplicateFrames', rate: 0.02, transport: 'ws' },
  { kind: 'reorderFrames', rate: 0.02, transport: 'ws' },
  { kind: 'malformedFrames', rate: 0.01, transport: 'ws' },
  { kind: 'ackDrop', rate: 0.005 },
  { kind: 'httpError', status: 503, phase: 'before', rate: 0.02, transport: 'rest' },
  { kind: 'httpError', status: 503, phase: 'after', rate: 0.02, transport: 'rest' },
  { kind: 'httpError', status: 429, retryAfter: 0, rate: 0.02, transport: 'rest' },
] as const;

interface Tally {
  /** Resolved once with its own results: the right count, its taskUUID, no result twice. */
  exact: number;
  /** Resolved with something else: too few or too many items, another task's, a repeat. */
  wrong: number;
  /** Rejected, by error code. */
  rejected: Record<string, number>;
  /** The taskUUIDs of the rejected tasks: whether the service ran them is asked afterwards. */
  rejectedUUIDs: string[];
  /** onResult calls beyond one per result item. */
  extraCallbacks: number;
}

async function runTasks(client: RunwareClient, config: ChaosConfig, count: number): Promise<Tally> {
  const tally: Tally = { exact: 0, wrong: 0, rejected: {}, rejectedUUIDs: [], extraCallbacks: 0 };
  let next = 0;
  const one = async (index: number) => {
    const taskUUID = crypto.randomUUID();
    const numberResults = 1 + (index % 2);
    const seen = new Set<string>();
    try {
      const items = await client.run(
        {
          model: 'runware:400@1',
          positivePrompt: 'chaos',
          width: 64,
          height: 64,
          numberResults,
          taskUUID,
          // Half sync, half async: both delivery paths under the same faults.
          deliveryMethod: index % 4 < 2 ? 'sync' : 'async',
        },
        {
          timeout: 120_000,
          onResult: (item) => {
            const key = String((item as { imageUUID?: unknown }).imageUUID);
            if (seen.has(key)) tally.extraCallbacks += 1;
            seen.add(key);
          },
        },
      );
      const uuids = new Set(items.map((item) => (item as { imageUUID?: unknown }).imageUUID));
      const own =
        items.length === numberResults &&
        uuids.size === numberResults &&
        items.every((item) => item.taskUUID === taskUUID && typeof item.imageURL === 'string');
      if (own) tally.exact += 1;
      else tally.wrong += 1;
    } catch (error) {
      const code = describeError(error).split(':')[0] ?? 'unknown';
      tally.rejected[code] = (tally.rejected[code] ?? 0) + 1;
      tally.rejectedUUIDs.push(taskUUID);
    }
  };
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await one(index);
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, worker));
  return tally;
}

/** How many of these taskUUIDs the service knows (it ran them): asked over REST with no faults. */
async function ranOnService(emulator: BenchEmulator, taskUUIDs: readonly string[]): Promise<number> {
  if (taskUUIDs.length === 0) return 0;
  await emulator.setFaults([]);
  const client = await benchClient(emulator, 'rest');
  try {
    let known = 0;
    for (const taskUUID of taskUUIDs) {
      const found = await client.getResponse({ taskUUID }).then(
        () => true,
        (error: unknown) =>
          !describeError(error).includes('taskNotFound') && !/notFound/.test(describeError(error)),
      );
      if (found) known += 1;
    }
    return known;
  } finally {
    await client.close();
    await emulator.setFaults([...faults]);
  }
}

/**
 * Chaos: thousands of tasks through seeded network and service faults, on each transport. What
 * counts is that every task resolves exactly once with its own results (nothing lost, nothing
 * duplicated, no forged or stray item taken as a result). The service never runs a taskUUID twice
 * (it refuses a repeat with `conflictTaskUUID`); the figures show how often the client re-sent:
 * submissions per task (every task element received), and the repeats refused.
 */
export const runChaos: ScenarioRun<ChaosConfig> = async (config, ctx) => {
  const samples = new RunSamples();
  await withEmulator(
    { latency: { default: 5, imageInference: 20 }, faults: [...faults] },
    async (emulator) => {
      for (let run = 1; run <= ctx.runs; run++) {
        for (const transport of transports) {
          const count = config.tasks[transport];
          ctx.log(`chaos: run ${run}/${ctx.runs}, ${count} ${transportLabel(transport)} tasks under faults`);
          const before = await emulator.stats();
          const client = await benchClient(emulator, transport);
          let tally: Tally;
          try {
            tally = await runTasks(client, config, count);
          } finally {
            await client.close();
          }
          const after = await emulator.stats();
          const ran =
            (after.tasks.byTaskType.imageInference ?? 0) - (before.tasks.byTaskType.imageInference ?? 0);
          const refused = (after.errors.conflictTaskUUID ?? 0) - (before.errors.conflictTaskUUID ?? 0);
          // A rejected task is lost only if the service ran it (billed, no result for the caller);
          // one it never ran (every attempt refused) failed cleanly. Asked without faults.
          const lost = await ranOnService(emulator, tally.rejectedUUIDs);
          const rejected = tally.rejectedUUIDs.length;
          if (rejected > 0 || tally.wrong > 0 || tally.extraCallbacks > 0)
            ctx.problem(
              `chaos ${transportLabel(transport)}: ${rejected} rejected ${JSON.stringify(tally.rejected)} (${lost} of them had run), ${tally.wrong} wrong, ${tally.extraCallbacks} extra onResult calls`,
            );
          samples.add(`${transport} exact`, tally.exact / count);
          samples.add(`${transport} lost`, lost);
          samples.add(`${transport} rejected`, rejected - lost);
          samples.add(`${transport} wrong`, tally.wrong + tally.extraCallbacks);
          samples.add(`${transport} ran`, ran / count);
          samples.add(`${transport} refused`, refused);
        }
      }
    },
  );
  return transports.flatMap((transport: Transport) => {
    const label = transportLabel(transport);
    const n = config.tasks[transport];
    return [
      metric(
        '7 chaos',
        `${label}: share of ${n} tasks resolved exactly once with their own results`,
        'ratio',
        samples.get(`${transport} exact`),
        undefined,
        'the rest were rejected (below)',
      ),
      metric(
        '7 chaos',
        `${label}: tasks lost (rejected though the service ran them)`,
        'tasks',
        samples.get(`${transport} lost`),
        { op: '<=', value: 0 },
      ),
      metric(
        '7 chaos',
        `${label}: tasks rejected that never ran (every attempt refused)`,
        'tasks',
        samples.get(`${transport} rejected`),
        undefined,
        'a clean failure: nothing billed, and the caller knows',
      ),
      metric(
        '7 chaos',
        `${label}: wrong or duplicated answers and callbacks`,
        'tasks',
        samples.get(`${transport} wrong`),
        { op: '<=', value: 0 },
      ),
      metric(
        '7 chaos',
        `${label}: task submissions the service received per task`,
        'ratio',
        samples.get(`${transport} ran`),
        undefined,
        'above 1: re-sends after a 503/429 that ran nothing, or after an uncertain outcome (refused below)',
      ),
      metric(
        '7 chaos',
        `${label}: re-sends the service refused (conflictTaskUUID)`,
        'requests',
        samples.get(`${transport} refused`),
        undefined,
        'a taskUUID is never run twice',
      ),
    ];
  });
};
