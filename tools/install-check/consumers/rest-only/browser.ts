/** Browser entry: the page test calls `runwareRestOnly(target)` once the script has loaded. */
import { runRestOnlyScenario } from './scenario';

Object.assign(globalThis, { runwareRestOnly: runRestOnlyScenario });
