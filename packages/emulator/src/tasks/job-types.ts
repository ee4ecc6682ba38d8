/** The types a job is planned with ({@link JobPlan}, {@link JobInput}) and the helpers that build them. */
import type { EmulatorContext } from '../context';
import { resultSeed, resultUuid } from './output-fields';
import type { InputMedia } from './resolve-inputs';

/** How a task turns into result items: how many slots, and how to build each one when it is due. */
export interface JobPlan {
  slots: number;
  /** Builds the finished item of a slot. Runs when the slot completes, not at submit time. */
  build(index: number): Record<string, unknown>;
  /** Whether slots report progress while processing (training does). */
  reportsProgress: boolean;
}

export interface JobInput {
  ctx: EmulatorContext;
  task: Record<string, unknown>;
  taskType: string;
  taskUUID: string;
  input: InputMedia | undefined;
}

export function numberResults(task: Record<string, unknown>): number {
  const n = task.numberResults;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, 20) : 1;
}

/** Adds `cost` when asked for, and the envelope every item carries. */
export function finishItem(
  input: JobInput,
  fields: Record<string, unknown>,
  cost: number | undefined,
): Record<string, unknown> {
  const item: Record<string, unknown> = { taskType: input.taskType, taskUUID: input.taskUUID, ...fields };
  if (input.task.includeCost === true && cost !== undefined) item.cost = cost;
  return item;
}

/** What each result of a {@link perResult} plan is built from. */
export interface ResultSlot {
  index: number;
  /** The request's seed + index, or one derived from the emulator seed and the taskUUID. */
  seed: number;
  /** A media UUID reproducible from the taskUUID and the index. */
  uuid: string;
}

/** The usual plan: `numberResults` slots, each built from its own seed and media UUID. */
export function perResult(input: JobInput, build: (slot: ResultSlot) => Record<string, unknown>): JobPlan {
  return {
    slots: numberResults(input.task),
    reportsProgress: false,
    build: (index) =>
      build({
        index,
        seed: resultSeed(input.ctx, input.task, input.taskUUID, index),
        uuid: resultUuid(input.taskUUID, index),
      }),
  };
}
