/**
 * `@runware/emulator/testing`: what tests need around the emulator. A started emulator with a typed
 * control client (`startTestEmulator`, or `useEmulator` with the runner's hooks), the control client
 * for any running emulator (`createEmulatorControl`), and the task fixtures tests share. It does not
 * import a test runner: hooks are passed in.
 */
export type { ControlOperations, EmulatorStats } from '../control/control-operations';
export type { FaultCommon, FaultKind, FaultSpec } from '../control/fault-spec';
export type { ActiveFault } from '../control/faults';
export type { EmulatorOptions } from '../options';
/** The emulator's seeded PRNG, for tests that want reproducible random choices of their own. */
export { mulberry32, type Rng } from '../rng';
export type { RunningEmulator } from '../start-emulator';
export type { ModelRecord, NewModel } from '../state/model-registry';
export type { CapturedRequest } from '../state/request-log';
export type { Stats, Transport } from '../state/stats';
export {
  type CapturedTask,
  createEmulatorControl,
  type EmulatorControl,
  type RequestFilter,
  type RequestMark,
  tasksOf,
} from './emulator-control';
export {
  dayZeroModel,
  fixtureTask,
  imageTask,
  rejectionOf,
  type TaskFixture,
  textTask,
  unusedPort,
} from './fixtures';
export { type EmulatorHooks, startTestEmulator, type TestEmulator, useEmulator } from './test-emulator';
