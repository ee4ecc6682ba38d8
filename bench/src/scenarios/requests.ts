import type { EmulatorStats } from '@runware/emulator';
import { benchClient, type Transport, transportLabel, transports } from '../clients';
import { withEmulator } from '../emulator-process';
import { metric, RunSamples } from '../metrics';
import { describeError, type ScenarioRun } from '../scenario';
import { formatDuration, taskParams } from '../tasks';

export interface RequestsConfig {
  /** Concurrent tasks. */
  tasks: number;
  /** Their duration, ms. */
  durationMs: number;
}

export const requestsGoal = { perTask: 0.5 };

const counts = (stats: EmulatorStats, transport: Transport) => ({
  requests: stats.requests[transport],
  pollRequests: stats.getResponse.byTransport[transport],
});

/**
 * 3. Requests per completed task: what the client sent (REST POSTs / WebSocket frames, from the
 * emulator's counters by transport) while `tasks` concurrent tasks of `durationMs` ran. Both
 * transports at once, one client each; the WebSocket is connected before counting, so its
 * authentication frame is not counted (pings sent during the run are).
 */
export const runRequests: ScenarioRun<RequestsConfig> = async (config, ctx) => {
  const samples = new RunSamples();
  await withEmulator({ latency: { imageInference: config.durationMs } }, async (emulator) => {
    for (let run = 1; run <= ctx.runs; run++) {
      ctx.log(
        `requests: run ${run}/${ctx.runs}, ${config.tasks} tasks of ${formatDuration(config.durationMs)}`,
      );
      await emulator.reset();
      const clients = await Promise.all(transports.map((transport) => benchClient(emulator, transport)));
      let completed: number[];
      let before: EmulatorStats;
      let after: EmulatorStats;
      try {
        await Promise.all(clients.map((client) => client.connect()));
        before = await emulator.stats();
        completed = await Promise.all(
          clients.map(async (client, index) => {
            let done = 0;
            const label = transportLabel(transports[index] ?? 'rest');
            await Promise.all(
              Array.from({ length: config.tasks }, () =>
                client.run(taskParams('imageInference'), { timeout: config.durationMs + 60_000 }).then(
                  () => {
                    done += 1;
                  },
                  (error: unknown) => ctx.problem(`requests ${label}: ${describeError(error)}`),
                ),
              ),
            );
            return done;
          }),
        );
        after = await emulator.stats();
      } finally {
        await Promise.all(clients.map((client) => client.close()));
      }
      transports.forEach((transport, index) => {
        const done = completed[index] ?? 0;
        const start = counts(before, transport);
        const end = counts(after, transport);
        const requests = end.requests - start.requests;
        const polls = end.pollRequests - start.pollRequests;
        samples.add(`${transport} total`, requests / done);
        samples.add(`${transport} polls`, polls / done);
        samples.add(`${transport} other`, (requests - polls) / done);
      });
    }
  });
  const naive = Math.ceil(config.durationMs / 1000) + 1;
  return transports.flatMap((transport) => {
    const label = transportLabel(transport);
    return [
      metric(
        '3 requests',
        `${label} requests per task`,
        'req/task',
        samples.get(`${transport} total`),
        {
          op: '<=',
          value: requestsGoal.perTask,
        },
        `a client polling each task every second on its own: ${naive}`,
      ),
      metric(
        '3 requests',
        `${label} getResponse requests per task`,
        'req/task',
        samples.get(`${transport} polls`),
      ),
      metric(
        '3 requests',
        `${label} submit (and other) requests per task`,
        'req/task',
        samples.get(`${transport} other`),
      ),
    ];
  });
};
