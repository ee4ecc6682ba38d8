import { expect, it } from 'vitest';
import { type ScenarioId, scenarioIds, smokeConfig } from '../src/config';
import { hasRedisServer } from '../src/redis-process';
import { runScenarios } from '../src/run-scenarios';

// Every scenario end to end at tiny sizes, so the harness cannot rot. Figures are not checked:
// speed is shown by `npm run bench`, never asserted in tests.
async function smoke(id: ScenarioId): Promise<void> {
  const problems: string[] = [];
  const metrics = await runScenarios(smokeConfig, [id], {
    runs: smokeConfig.runs,
    log: () => {},
    problem: (line) => problems.push(line),
  });
  expect(problems).toEqual([]);
  expect(metrics.length).toBeGreaterThan(0);
  for (const m of metrics) {
    expect(m.runs, m.name).toHaveLength(smokeConfig.runs);
    expect(Number.isFinite(m.median), `${m.name}: ${m.median}`).toBe(true);
  }
}

it.each(scenarioIds.filter((id) => id !== 'batch-queue'))(
  'runs the %s scenario and reports finite figures',
  smoke,
);

// batch-queue needs redis-server (Debian's package): shown as skipped on a machine without it.
it.skipIf(!hasRedisServer())('runs the batch-queue scenario and reports finite figures', () =>
  smoke('batch-queue'),
);
