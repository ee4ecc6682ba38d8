import { expect, it } from 'vitest';
import { scenarioIds, smokeConfig } from '../src/config';
import { runScenarios } from '../src/run-scenarios';

// Every scenario end to end at tiny sizes, so the harness cannot rot. Figures are not checked:
// speed is shown by `npm run bench`, never asserted in tests.
it.each(scenarioIds)('runs the %s scenario and reports finite figures', async (id) => {
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
});
