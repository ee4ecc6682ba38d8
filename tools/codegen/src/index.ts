export { main } from './cli';
export { emitValidators, standaloneValidator } from './emit-validators';
export { type GeneratedFiles, generate } from './generate';
export { type LoadedSnapshot, loadSnapshot } from './load-snapshot';
export { compareOutput, type SnapshotMeta, type StaleReport } from './output';
export { type Plan, planTypes } from './plan';
export { type CodegenOptions, type CodegenResult, runCodegen, snapshotEnvVar } from './run-codegen';
export {
  runValidatorCodegen,
  type ValidatorCodegenOptions,
  type ValidatorCodegenResult,
} from './run-validator-codegen';
export { assertSnapshot, type Snapshot, SnapshotError } from './snapshot';
