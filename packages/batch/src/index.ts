/**
 * `@runware/batch`: resumable batch runs that never bill a task twice. `runBatch` on one machine
 * (with a crash-safe file journal), and the BullMQ queue mode of the `runware-batch` CLI for many.
 */
export type { BatchItem } from './batch-item';
export type {
  BatchClient,
  BatchProgress,
  BatchResult,
  BatchSummary,
  BatchTaskParams,
  TaskOutcome,
} from './batch-types';
export { type AimdLimiter, createAimdLimiter } from './concurrency/aimd-limiter';
export { readTaskLines } from './input/read-task-lines';
export type { BatchJournal, FinishStatus, JournalState } from './journal/batch-journal';
export { createFileJournal, type FileJournalOptions } from './journal/file-journal';
export { createMemoryJournal } from './journal/memory-journal';
export {
  openResultsWriter,
  type ResultsOrder,
  type ResultsWriter,
  resultLine,
} from './output/results-writer';
export { type RunBatchOptions, runBatch, runBatchItems } from './run-batch';
export { type Attempt, attemptTask } from './task/attempt-task';
export { type Recovery, recoverTask } from './task/recover-task';
