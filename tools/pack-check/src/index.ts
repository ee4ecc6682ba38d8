export { type Consumer, type ConsumerOptions, createConsumer } from './consumer';
export { consumerTsconfig } from './consumer-tsconfig';
export { type ExecResult, exec, execOk } from './exec';
export { type PackedPackage, packPackage } from './pack';
