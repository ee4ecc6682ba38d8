import { randomUUID } from 'node:crypto';
import { tasksOf } from '@runware/emulator/testing';
import { transportLabel, transports, withClient } from '../clients';
import { withEmulator } from '../emulator-process';
import { metric, RunSamples } from '../metrics';
import { describeError, type ScenarioRun } from '../scenario';
import { classesOf, formatDuration, taskParams } from '../tasks';

export interface LoneConfig {
  /** Task durations, ms: one lone task of each on its own client per transport. */
  durationsMs: number[];
}

export const loneGoal = { firstLagFraction: 0.2, firstPolls: 8, historyLagMs: 100 };

/**
 * 4. A lone task with no history: one task on a fresh client, its lag and how many getResponse
 * polls named it (from the emulator's captured requests); then the same model again on the same
 * client, which now has history. One client per duration and transport, all at once.
 */
export const runLone: ScenarioRun<LoneConfig> = async (config, ctx) => {
  const { classes, latency } = classesOf(config.durationsMs);
  const samples = new RunSamples();
  await withEmulator({ latency }, async (emulator) => {
    for (let run = 1; run <= ctx.runs; run++) {
      ctx.log(`lone: run ${run}/${ctx.runs}, ${config.durationsMs.map(formatDuration).join(' and ')} tasks`);
      await emulator.reset();
      const since = await emulator.mark();
      const measured = await Promise.all(
        transports.flatMap((transport) =>
          classes.map((entry) =>
            withClient(emulator, transport, async (client) => {
              await client.connect();
              const once = async () => {
                const taskUUID = randomUUID();
                const submittedAt = performance.now();
                try {
                  await client.run(taskParams(entry.taskType, { taskUUID }), {
                    timeout: entry.durationMs + 60_000,
                  });
                  return { taskUUID, lag: performance.now() - submittedAt - entry.durationMs };
                } catch (error) {
                  ctx.problem(
                    `lone ${transportLabel(transport)} ${formatDuration(entry.durationMs)}: ${describeError(error)}`,
                  );
                  return { taskUUID, lag: Number.NaN };
                }
              };
              const first = await once();
              const second = await once();
              return { key: `${transport} ${entry.durationMs}`, first, second };
            }),
          ),
        ),
      );
      const polls = new Map<string, number>();
      for (const task of tasksOf(await emulator.requests(since))) {
        if (task.taskType !== 'getResponse' || typeof task.taskUUID !== 'string') continue;
        polls.set(task.taskUUID, (polls.get(task.taskUUID) ?? 0) + 1);
      }
      for (const { key, first, second } of measured) {
        samples.add(`${key} first lag`, first.lag);
        samples.add(`${key} first polls`, polls.get(first.taskUUID) ?? 0);
        samples.add(`${key} history lag`, second.lag);
        samples.add(`${key} history polls`, polls.get(second.taskUUID) ?? 0);
      }
    }
  });
  return transports.flatMap((transport) =>
    classes.flatMap((entry) => {
      const key = `${transport} ${entry.durationMs}`;
      const label = `${transportLabel(transport)} ${formatDuration(entry.durationMs)}`;
      return [
        metric('4 lone', `${label} first run lag`, 'ms', samples.get(`${key} first lag`), {
          op: '<=',
          value: entry.durationMs * loneGoal.firstLagFraction,
        }),
        metric('4 lone', `${label} first run polls`, 'polls', samples.get(`${key} first polls`), {
          op: '<=',
          value: loneGoal.firstPolls,
        }),
        metric('4 lone', `${label} with history lag`, 'ms', samples.get(`${key} history lag`), {
          op: '<=',
          value: loneGoal.historyLagMs,
        }),
        metric('4 lone', `${label} with history polls`, 'polls', samples.get(`${key} history polls`)),
      ];
    }),
  );
};
