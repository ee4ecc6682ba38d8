import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { benchClient, type Transport } from '../clients';
import { withEmulator } from '../emulator-process';
import { metric, RunSamples, sleep, waitFor } from '../metrics';
import { describeError, type ScenarioRun } from '../scenario';
import { taskParams } from '../tasks';

export interface HeapConfig {
  /** Tasks in flight when the heap is measured. */
  inFlight: number;
}

export const heapGoal = { wsKB: 2, restKB: 4 };

interface Mode {
  id: string;
  transport: Transport;
  delivery: 'sync' | 'async';
  label: string;
  goal: number;
}

const modes: readonly Mode[] = [
  { id: 'ws-sync', transport: 'ws', delivery: 'sync', label: 'WS sync', goal: heapGoal.wsKB },
  { id: 'ws-async', transport: 'ws', delivery: 'async', label: 'WS async', goal: heapGoal.wsKB },
  { id: 'rest-async', transport: 'rest', delivery: 'async', label: 'REST async', goal: heapGoal.restKB },
];

/** Warm-up tasks finish at once; the measured ones take far longer than a measurement. */
const quickType = 'removeBackground';
const pendingType = 'imageInference';
const pendingMs = 600_000;

/** `gc()`: the one `--expose-gc` gives, or one obtained at run time (as in the smoke test). */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * 6. Heap per in-flight task: heapUsed after full GCs with `inFlight` tasks pending, minus the same
 * on the same client just before they were submitted (connected and warmed up), divided by
 * `inFlight`. The tasks are held by the emulator (long latency) and the client is closed after the
 * measurement. The bench keeps no reference to the tasks itself beyond one counter per call.
 */
export const runHeap: ScenarioRun<HeapConfig> = async (config, ctx) => {
  const gc = garbageCollector();
  const samples = new RunSamples();
  await withEmulator({ latency: { [quickType]: 5, [pendingType]: pendingMs } }, async (emulator) => {
    for (let run = 1; run <= ctx.runs; run++) {
      for (const mode of modes) {
        ctx.log(`heap: run ${run}/${ctx.runs}, ${config.inFlight} tasks in flight, ${mode.label}`);
        await emulator.reset();
        const client = await benchClient(emulator, mode.transport);
        let settled = 0;
        let submitted = 0;
        try {
          await client.connect();
          const extra = { deliveryMethod: mode.delivery };
          await Promise.all(Array.from({ length: 20 }, () => client.run(taskParams(quickType, extra))));
          const before = await settledHeap(gc);
          for (let n = 0; n < config.inFlight; n++) {
            submitted += 1;
            client.run(taskParams(pendingType, extra), { timeout: pendingMs }).then(
              () => {
                settled += 1;
              },
              () => {
                settled += 1;
              },
            );
          }
          await waitFor(
            'the emulator to hold every task',
            async () => ((await emulator.stats()).tasks.byTaskType[pendingType] ?? 0) >= config.inFlight,
            60_000,
            100,
          );
          await sleep(500); // the last ACKs / the first poll cycle
          if (settled > 0) ctx.problem(`heap ${mode.label}: ${settled} tasks settled before the measurement`);
          const after = await settledHeap(gc);
          samples.add(mode.id, (after - before) / config.inFlight / 1024);
        } catch (error) {
          ctx.problem(`heap ${mode.label}: ${describeError(error)}`);
          samples.add(mode.id, Number.NaN);
        } finally {
          await client.close();
        }
        await waitFor('the closed client to settle its tasks', () => settled >= submitted, 30_000).catch(
          (error: unknown) => ctx.problem(`heap ${mode.label}: ${describeError(error)}`),
        );
      }
    }
  });
  return modes.map((mode) =>
    metric('6 heap', `${mode.label} heap per in-flight task`, 'KB', samples.get(mode.id), {
      op: '<=',
      value: mode.goal,
    }),
  );
};
