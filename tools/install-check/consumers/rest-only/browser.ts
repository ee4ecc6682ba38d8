/** The stream app in a page: the test calls `runwareRestOnly(target)` once the script has loaded. */
import { runRestOnlyScenario } from './scenario';

Object.assign(globalThis, { runwareRestOnly: runRestOnlyScenario });
