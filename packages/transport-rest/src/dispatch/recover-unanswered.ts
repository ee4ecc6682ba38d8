import type { RawApiError, ResultItem, RunwareError, TaskPayload, TransportResultV1 } from '@runware/core';
import {
  ackItem,
  answersWithAck,
  contextOf,
  expectedItems,
  groupByTask,
  isErrorItem,
  isRunningItem,
  itemError,
} from '@runware/core/transport-kit';
import { failureError, syntheticError } from '../http/rest-errors';
import { retryWait } from './retry-wait';
import type { Batch, StepEnd } from './send-batch';
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
// After a probe finds a sync task still running, give it a moment before the first poll.
const pollDelayAfterProbeMs = 250;

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

const add = (b: Batch, settlement: Settlement) => {
  b.data.push(...settlement.data);
  b.errors.push(...settlement.errors);
};

/** `list` in the order of the call's tasks. */
function inOrder(b: Batch, list: TaskPayload[]): TaskPayload[] {
  const order = new Map(b.tasks.map((task, index) => [task.taskUUID, index]));
  return list.sort((x, y) => (order.get(x.taskUUID) ?? 0) - (order.get(y.taskUUID) ?? 0));
}

const end = (b: Batch, wide: RequestWide): StepEnd => ({
  end: { data: b.data, errors: [...b.errors, ...wide.errors], status: wide.status },
});

/** The step of `send()` after a failed attempt: ask about unanswered tasks, else poll accepted ones. */
export const recoverStep = (b: Batch): Promise<StepEnd> =>
  b.unknown.length > 0 ? probeStep(b) : pollStep(b);

async function probeStep(b: Batch): Promise<StepEnd> {
  const outcome = await probe(b.unknown, b.steps);
  if ('failure' in outcome) return outcome.failure;
  b.recovered = true;
  if ('wide' in outcome) return end(b, outcome.wide);
  b.errors.push(...outcome.failed);
  for (const { task, report } of outcome.known) {
    const settlement = settle(task, report);
    if (settlement) add(b, settlement);
    else b.polling.push(task);
  }
  b.pollDelay = pollDelayAfterProbeMs;
  for (const task of outcome.unknown) b.maybeHeld.delete(task.taskUUID);
  b.toSend = inOrder(b, [...b.toSend, ...outcome.unknown]);
  b.unknown = [];
  b.ctx.log(
    'warn',
    `asked about ${outcome.known.length + outcome.unknown.length} unanswered task(s): ` +
      `${outcome.known.length} reached the server (not resent), ${outcome.unknown.length} did not`,
    {
      known: outcome.known.map(({ task }) => task.taskUUID),
      resend: outcome.unknown.map((task) => task.taskUUID),
    },
  );
  return undefined;
}

async function pollStep(b: Batch): Promise<StepEnd> {
  const outcome = await pollWindow(b.polling, b.steps, b.pollDelay ?? 0, (_task, settlement) =>
    add(b, settlement),
  );
  b.polling = outcome.remaining;
  b.pollDelay = 0;
  if (outcome.wide) return end(b, outcome.wide);
  return outcome.failure;
}

/**
 * A submit answered with `conflictTaskUUID` for tasks an earlier attempt carried: that attempt was
 * accepted, so their answer is their ACK or their polled results, not the conflict.
 */
export function conflicts(b: Batch, result: TransportResultV1): void {
  const conflicted = new Set(
    result.errors
      .filter(
        (e) => e.code === 'conflictTaskUUID' && e.taskUUID !== undefined && b.sentBefore.has(e.taskUUID),
      )
      .map((e) => e.taskUUID),
  );
  const kept = result.errors.filter((e) => !conflicted.has(e.taskUUID));
  b.errors.push(...kept);
  if (kept.length > 0) b.status = result.status;
  const byUUID = new Map(b.tasks.map((task) => [task.taskUUID, task]));
  for (const uuid of conflicted) {
    const task = uuid === undefined ? undefined : byUUID.get(uuid);
    if (!task) continue;
    b.recovered = true;
    if (answersWithAck(task)) b.data.push(ackItem(task));
    else b.polling.push(task);
  }
  b.pollDelay = 0;
  b.ctx.log(
    'warn',
    `${conflicted.size} task(s) were accepted by an earlier attempt; collecting their results`,
    {
      taskUUIDs: [...conflicted],
    },
  );
}

/**
 * One getResponse for tasks whose submit may have reached the server: those it has are answered
 * from it (their ACK, or their results polled for one more window), and only the others fail,
 * each with an error of its own; a refused question is asked once more after the usual wait.
 * Undefined when the server has none of them (or still cannot say), so the call fails as it would
 * have: these tasks were answered (a 5xx), and polling them after an outage's last refusal would
 * hold the call until its deadline instead of failing it.
 */
export async function askBeforeFailing(
  b: Batch,
  uncertain: TaskPayload[],
  failure: StepFailure,
  reason: RunwareError | undefined,
  posts: number,
): Promise<TransportResultV1 | undefined> {
  const { steps, errors } = b;
  let outcome = await probe(uncertain, steps);
  if ('failure' in outcome && reason === undefined) {
    // Refused or unanswered: ask once more after the usual wait before failing tasks that may
    // have run (a lone refusal is common under load; an outage refuses this one too, and the call
    // still fails without polling to its deadline). Not after a Retry-After past the deadline: that
    // call fails now, as promised.
    const { failure: refused } = outcome;
    await steps.delay(
      retryWait(1, refused.kind === 'status' ? refused.retryAfterMs : undefined, b.ctx.options),
    );
    outcome = await probe(uncertain, steps);
  }
  if (!('known' in outcome) || outcome.known.length === 0) return undefined;
  const answered: Settlement[] = [];
  const running = [...b.polling];
  for (const { task, report } of outcome.known) {
    const settlement = settle(task, report);
    if (settlement) answered.push(settlement);
    else running.push(task);
  }
  const polled =
    running.length > 0
      ? await pollWindow(running, steps, pollDelayAfterProbeMs, (_task, settlement) =>
          answered.push(settlement),
        )
      : undefined;
  // Known but unfinished, with nothing else answered: no better than the failure itself.
  if (answered.length === 0) return undefined;
  b.ctx.log('warn', `retries ran out, but ${answered.length} task(s) reached the server: answering them`, {
    known: outcome.known.map(({ task }) => task.taskUUID),
  });
  b.recovered = true;
  for (const settlement of answered) add(b, settlement);
  errors.push(...outcome.failed);
  if (polled?.wide) errors.push(...polled.wide.errors);
  else if (polled && polled.remaining.length > 0)
    errors.push(
      ...failedWith(b, polled.remaining, polled.failure ?? { kind: 'timeout' }, undefined, steps.posts()),
    );
  const asked = new Set(uncertain.map((task) => task.taskUUID));
  const left = [...outcome.unknown, ...b.toSend.filter((task) => !asked.has(task.taskUUID))];
  errors.push(...failedWith(b, inOrder(b, left), failure, reason, posts));
  return { data: b.data, errors, status: errors.length === 0 ? 200 : undefined };
}

/**
 * Retries ran out while asking about tasks whose submit went unanswered: the server may hold them,
 * so they are not failed as refused (a caller would send them again, and pay twice). An async task
 * is answered with its ACK, so the engine's polling finds out: its results if it ran, `taskNotFound`
 * if it never arrived. A sync task (unanswered, or accepted with its results not yet in) fails with
 * an error saying it may have run. Tasks not yet sent fail with the failure, each with its own error.
 */
export function unanswered(
  b: Batch,
  failure: StepFailure,
  reason: RunwareError | undefined,
  posts: number,
): TransportResultV1 {
  const acked = b.unknown.filter(answersWithAck);
  // Sync tasks the server may hold: unanswered ones, and accepted ones whose results were not in.
  const sync = [...b.unknown.filter((task) => !answersWithAck(task)), ...b.polling];
  b.data.push(...acked.map(ackItem));
  b.ctx.log('warn', `could not ask about ${b.unknown.length} unanswered task(s); the server may hold them`, {
    polled: acked.map((task) => task.taskUUID),
    failed: sync.map((task) => task.taskUUID),
  });
  const mayHaveRun = failedWith(b, sync, failure, reason, posts).map((error) => ({
    ...error,
    message: `${error.message} Its submit went unanswered and the service could not be asked about it: it may have run. Collect it with getResponse (taskUUID ${error.taskUUID}) rather than sending it again.`,
  }));
  const held = new Set([...b.unknown, ...b.polling].map((task) => task.taskUUID));
  const rest = b.toSend.filter((task) => !held.has(task.taskUUID));
  b.errors.push(...mayHaveRun, ...failedWith(b, inOrder(b, rest), failure, reason, posts));
  const status = b.errors.length === 0 ? 200 : failure.kind === 'status' ? failure.status : undefined;
  return { data: b.data, errors: b.errors, status };
}

/** Errors of their own for tasks that failed while others of the batch were answered. */
function failedWith(
  b: Batch,
  list: readonly TaskPayload[],
  failure: StepFailure,
  reason: RunwareError | undefined,
  posts: number,
): RawApiError[] {
  const own = (task: TaskPayload, error: RawApiError): RawApiError => ({
    ...error,
    taskType: error.taskType ?? task.taskType,
    taskUUID: task.taskUUID,
  });
  const lost =
    failure.kind === 'status'
      ? undefined
      : failureError(failure, contextOf(b.tasks), b.ctx, b.steps.timeoutMs, posts);
  const error = reason ?? lost;
  if (error) return list.map((task) => own(task, { code: error.rawCode, message: error.message }));
  if (failure.kind !== 'status') return [];
  // An answered failure: its errors for these tasks, and its request-wide ones repeated for each
  // (left request-wide, they would fail the tasks that were answered too).
  const ours = new Set(b.tasks.map((task) => task.taskUUID));
  return list.flatMap((task) => {
    const mine = failure.result.errors.filter(
      (e) => e.taskUUID === task.taskUUID || e.taskUUID === undefined || !ours.has(e.taskUUID),
    );
    return (mine.length > 0 ? mine : [syntheticError(failure.status, '')]).map((e) => own(task, e));
  });
}
