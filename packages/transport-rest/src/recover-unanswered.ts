import type { RawApiError, ResultItem, TaskPayload, TransportResultV1 } from '@runware/core';
import type { StepFailure, StepIO } from './step-io';
import {
  ackOf,
  answersWithAck,
  errorFromItem,
  expectedItems,
  isErrorItem,
  isPendingItem,
} from './task-kinds';

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
export function groupByTask(
  result: TransportResultV1,
  tasks: readonly TaskPayload[],
): { reports: Map<string, TaskReport>; wide: RawApiError[] } {
  const reports = new Map<string, TaskReport>(tasks.map((t) => [t.taskUUID, { items: [], errors: [] }]));
  for (const item of result.data) reports.get(item.taskUUID)?.items.push(item);
  const wide: RawApiError[] = [];
  for (const error of result.errors) {
    const report = error.taskUUID === undefined ? undefined : reports.get(error.taskUUID);
    if (report) report.errors.push(error);
    else wide.push(error);
  }
  return { reports, wide };
}

/**
 * The answer for a task the server has accepted: the acknowledgement for async/webhook tasks,
 * the finished items (failed slots as errors) for sync ones, or undefined while it still runs.
 */
export function settle(task: TaskPayload, report: TaskReport): Settlement | undefined {
  if (answersWithAck(task) && report.errors.length === 0) return { data: [ackOf(task)], errors: [] };
  const { items, errors } = report;
  const finished =
    items.length === 0
      ? errors.length > 0
      : items.length >= expectedItems(task) && !items.some(isPendingItem);
  if (!finished) return undefined;
  return {
    data: items.filter((item) => !isErrorItem(item)),
    errors: [...errors, ...items.filter(isErrorItem).map(errorFromItem)],
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
export async function probe(tasks: readonly TaskPayload[], io: StepIO): Promise<ProbeResult> {
  const answer = await io.post(getResponseTasks(tasks), `probe ${tasks.length} unanswered task(s)`);
  if ('failure' in answer) return answer;
  const { reports, wide } = groupByTask(answer.result, tasks);
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
  io: StepIO,
  firstDelayMs: number,
  onSettled: (task: TaskPayload, settlement: Settlement) => void,
): Promise<PollWindowResult> {
  const deadline = Date.now() + io.timeoutMs;
  let remaining = [...tasks];
  let wait = firstDelayMs;
  let interval = firstPollIntervalMs;
  for (;;) {
    if (wait > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return { remaining, failure: { kind: 'timeout' } };
      await io.delay(Math.min(wait, left));
    }
    const answer = await io.post(getResponseTasks(remaining), `poll ${remaining.length} recovered task(s)`);
    if ('failure' in answer) return { remaining, failure: answer.failure };
    const { reports, wide } = groupByTask(answer.result, remaining);
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
