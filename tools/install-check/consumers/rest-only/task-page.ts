/** The task app in a page: the test calls `runwareRestTask(target)` once the script has loaded. */
import { runTaskScenario, type ScenarioTarget } from './task-scenario';

Object.assign(globalThis, {
  runwareRestTask: (target: ScenarioTarget) => runTaskScenario(target, async () => ({})),
});
