import type { RawApiError, ResultItem, TaskPayload, TransportResultV1 } from '@runware/core';
import {
  ackItem,
  answersWithAck,
  expectedItems,
  groupByTask,
  isErrorItem,
  isRunningItem,
  itemError,
} from '@runware/core/transport-kit';
import type { SendSteps, StepFailure } from './send-steps';

/** What one getResponse answer says about one task. */
export interface TaskReport {
  items: ResultItem[];
  errors: RawApiError[];
}

/** The final answer for one task, as its own submit would have carried it. */
export interface Settlement {
  data: ResultItem[];
  errors: RawApiError[];
}

/** Errors that belong to no task of the batch (auth, for instance): they end the call. */
export interface RequestWide {
  errors: RawApiError[];
  status: number | undefined;
}

const noReport: TaskReport = { items: [], errors: [] };

// Recovery polls start quick (the task has usually finished by then) and back off gently.
const firstPollIntervalMs = 250;
const maxPollIntervalMs = 5000;

/** getResponse reuses the original taskUUID: asking about a task never submits it. */
export const getResponseTasks = (tasks: readonly TaskPayload[]): TaskPayload[] =>
  tasks.map((task) => ({ taskType: 'getResponse', taskUUID: task.taskUUID }));

/** Sorts an answer's items and errors by task; errors naming none of `tasks` apply to all. */
export function reportsByTask(
  result: TransportResultV1,
  tasks: readonly TaskPayload[],
): { reports: Map<string, TaskReport>; wide: RawApiError[] } {
  const items = groupByTask(result.data);
  const errors = groupByTask(result.errors);
  const ours = new Set(tasks.map((task) => task.taskUUID));
  const reports = new Map<string, TaskReport>(
    tasks.map((task) => [
      task.taskUUID,
      { items: items.get(task.taskUUID) ?? [], errors: errors.get(task.taskUUID) ?? [] },
    ]),
  );
  const wide = result.errors.filter((error) => error.taskUUID === undefined || !ours.has(error.taskUUID));
  return { reports, wide };
}

/**
 * The answer for a task the server has accepted: the acknowledgement for async/webhook tasks,
 * the finished items (failed slots as errors) for sync ones, or undefined while it still runs.
 */
export function settle(task: TaskPayload, report: TaskReport): Settlement | undefined {
  if (answersWithAck(task) && report.errors.length === 0) return { data: [ackItem(task)], errors: [] };
  const { items, errors } = report;
  const finished =
    items.length === 0
      ? errors.length > 0
      : items.length >= expectedItems(task) && !items.some(isRunningItem);
  if (!finished) return undefined;
  return {
    data: items.filter((item) => !isErrorItem(item)),
    errors: [...errors, ...items.filter(isErrorItem).map(itemError)],
  };
}

export type ProbeResult =
  | { failure: StepFailure }
  | { wide: RequestWide }
  | {
      /** Tasks the server has: their current state. */
      known: { task: TaskPayload; report: TaskReport }[];
      /** Tasks it never received (`taskNotFound`): safe to submit. */
      unknown: TaskPayload[];
      /** Tasks it answered about with another error (expired, say): that is their answer. */
      failed: RawApiError[];
    };

/**
 * Asks the server about tasks whose submit got no answer, so that only the ones it never
 * received are sent again. A task is known when getResponse lists any item for it.
 */
export async function probe(tasks: readonly TaskPayload[], steps: SendSteps): Promise<ProbeResult> {
  const answer = await steps.post(getResponseTasks(tasks), `probe ${tasks.length} unanswered task(s)`);
  if ('failure' in answer) return answer;
  const { reports, wide } = reportsByTask(answer.result, tasks);
  if (wide.length > 0) return { wide: { errors: wide, status: answer.result.status } };
  const known: { task: TaskPayload; report: TaskReport }[] = [];
  const unknown: TaskPayload[] = [];
  const failed: RawApiError[] = [];
  for (const task of tasks) {
    const report = reports.get(task.taskUUID) ?? noReport;
    if (report.items.length > 0) known.push({ task, report });
    else if (report.errors.every((error) => error.code === 'taskNotFound')) unknown.push(task);
    else failed.push(...report.errors);
  }
  return { known, unknown, failed };
}

export interface PollWindowResult {
  /** Tasks still running when the window ended. */
  remaining: TaskPayload[];
  failure?: StepFailure;
  wide?: RequestWide;
}

/**
 * Polls accepted sync tasks with getResponse until each is finished, for at most one per-attempt
 * budget (the wait the lost submit would have had); `onSettled` receives each finished task.
 */
export async function pollWindow(
  tasks: readonly TaskPayload[],
  steps: SendSteps,
  firstDelayMs: number,
  onSettled: (task: TaskPayload, settlement: Settlement) => void,
): Promise<PollWindowResult> {
  const deadline = Date.now() + steps.timeoutMs;
  let remaining = [...tasks];
  let wait = firstDelayMs;
  let interval = firstPollIntervalMs;
  for (;;) {
    if (wait > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return { remaining, failure: { kind: 'timeout' } };
      await steps.delay(Math.min(wait, left));
    }
    const answer = await steps.post(
      getResponseTasks(remaining),
      `poll ${remaining.length} recovered task(s)`,
    );
    if ('failure' in answer) return { remaining, failure: answer.failure };
    const { reports, wide } = reportsByTask(answer.result, remaining);
    if (wide.length > 0) return { remaining, wide: { errors: wide, status: answer.result.status } };
    remaining = remaining.filter((task) => {
      const settlement = settle(task, reports.get(task.taskUUID) ?? noReport);
      if (settlement) onSettled(task, settlement);
      return settlement === undefined;
    });
    if (remaining.length === 0 || Date.now() >= deadline) {
      return remaining.length === 0 ? { remaining } : { remaining, failure: { kind: 'timeout' } };
    }
    wait = interval;
    interval = Math.min(interval * 1.5, maxPollIntervalMs);
  }
}
