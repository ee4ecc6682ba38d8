import type { RunParams, TaskType } from '@runware/types';
import { newTaskUUID } from '../client/task-uuid';
import type { ResultItem, TaskPayload } from '../spec/task';

/**
 * Valid tasks for the emulator (and the real API): a small FLUX image and a short text answer.
 * `extra` overrides any field. The taskUUIDs are fresh, so every test counts only its own tasks.
 */
export function imageTask(extra: Record<string, unknown> = {}): TaskPayload {
  return {
    taskType: 'imageInference',
    taskUUID: newTaskUUID(),
    model: 'runware:101@1',
    positivePrompt: 'A lighthouse on a cliff at dusk',
    width: 512,
    height: 512,
    deliveryMethod: 'sync',
    ...extra,
  };
}

export function textTask(extra: Record<string, unknown> = {}): TaskPayload {
  return {
    taskType: 'textInference',
    taskUUID: newTaskUUID(),
    model: 'google:gemma@4-31b',
    messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
    settings: { maxTokens: 12 },
    deliveryMethod: 'sync',
    ...extra,
  };
}

/**
 * A task as `run()` params, keeping its taskUUID so the test knows which requests are its own.
 * The fixtures name real task types, hence the narrowing of `taskType`.
 */
export function paramsOf(task: TaskPayload): RunParams {
  return { ...task, model: String(task.model), taskType: task.taskType as TaskType };
}

/** A value the API rejects for any imageInference model: the invalid task of the error tests. */
export const invalidParameter = { outputType: 'notAnOutputType' } as const;

/** How many result items a sync task answers with. */
export function resultCount(task: TaskPayload): number {
  return typeof task.numberResults === 'number' ? task.numberResults : 1;
}

/** The items of `data` that belong to `task`. */
export const itemsOf = (data: readonly ResultItem[], task: TaskPayload): ResultItem[] =>
  data.filter((item) => item.taskUUID === task.taskUUID);
