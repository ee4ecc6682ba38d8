import { transportLabel, transports, withClient } from '../clients';
import { withEmulator } from '../emulator-process';
import { metric, quantile, RunSamples } from '../metrics';
import { describeError, type ScenarioRun } from '../scenario';
import { classesOf, formatDuration, taskParams } from '../tasks';

export interface LagConfig {
  /** The duration classes, ms (one task type each, at most 7). */
  classesMs: number[];
  /** Concurrent tasks per class. */
  tasksPerClass: number;
}

export const lagGoal = { medianMs: 100, p90Ms: 300 };

/** The two rounds of a run on one client: a fresh client, then the same classes again. */
const rounds = ['first', 'history'] as const;

/**
 * 1. Async completion lag: resolve time − submit time − the emulator's latency of the task, for
 * `tasksPerClass` concurrent tasks of every class at once on one client, REST and WebSocket side by
 * side (one client each, one emulator). Each run has two rounds on the same client: the first on a
 * fresh client (no history: every class is polled on the age-based ladder), then the same again
 * once the client has seen each class finish (the steady state of a client that runs a model more
 * than once). The goal applies to the second round; the first is reported beside it (its bound is
 * the lone-task scenario's first-run goal). The longest class sets the length of a round.
 */
export const runLag: ScenarioRun<LagConfig> = async (config, ctx) => {
  const { classes, latency } = classesOf(config.classesMs);
  const samples = new RunSamples();
  await withEmulator({ latency }, async (emulator) => {
    for (let run = 1; run <= ctx.runs; run++) {
      ctx.log(`lag: run ${run}/${ctx.runs}, ${classes.length} classes × ${config.tasksPerClass} tasks`);
      await emulator.reset();
      await Promise.all(
        transports.map((transport) =>
          withClient(emulator, transport, async (client) => {
            await client.connect(); // the WebSocket handshake is not part of any task's lag
            for (const round of rounds) {
              const lags = classes.map((): number[] => []);
              const calls: Promise<void>[] = [];
              // Round-robin over the classes, so no class is always submitted first.
              for (let n = 0; n < config.tasksPerClass; n++) {
                classes.forEach((entry, index) => {
                  const params = taskParams(entry.taskType);
                  const submittedAt = performance.now();
                  const call = client.run(params, { timeout: entry.durationMs + 60_000 }).then(
                    () => {
                      lags[index]?.push(performance.now() - submittedAt - entry.durationMs);
                    },
                    (error: unknown) =>
                      ctx.problem(
                        `lag ${transportLabel(transport)} ${formatDuration(entry.durationMs)}: ${describeError(error)}`,
                      ),
                  );
                  calls.push(call);
                });
              }
              await Promise.all(calls);
              classes.forEach((entry, index) => {
                const key = `${transport} ${entry.durationMs} ${round}`;
                const values = lags[index] ?? [];
                samples.add(`${key} median`, quantile(values, 0.5));
                samples.add(`${key} p90`, quantile(values, 0.9));
              });
            }
          }),
        ),
      );
    }
  });
  return transports.flatMap((transport) =>
    classes.flatMap((entry) => {
      const key = `${transport} ${entry.durationMs}`;
      const label = `${transportLabel(transport)} ${formatDuration(entry.durationMs)}`;
      return [
        metric('1 lag', `${label} median lag`, 'ms', samples.get(`${key} history median`), {
          op: '<=',
          value: lagGoal.medianMs,
        }),
        metric('1 lag', `${label} p90 lag`, 'ms', samples.get(`${key} history p90`), {
          op: '<=',
          value: lagGoal.p90Ms,
        }),
        metric('1 lag', `${label} first-round median lag`, 'ms', samples.get(`${key} first median`)),
        metric('1 lag', `${label} first-round p90 lag`, 'ms', samples.get(`${key} first p90`)),
      ];
    }),
  );
};
