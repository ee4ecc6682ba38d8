// The vitest-bound standard pack test is `@runware/pack-check/vitest` (describePackTest), so this
// entry can be loaded outside a test run (install-check's global setup and size report use it).
export { type Consumer, type ConsumerOptions, createConsumer } from './consumer';
export { consumerTsconfig } from './consumer-tsconfig';
export { type ExecResult, exec, execOk } from './exec';
export { type PackedPackage, packPackage } from './pack';
export { workspaceClosure } from './workspace-closure';
