import { createRunwareError } from '../../errors/create-runware-error';
import { isRunwareError, type RunwareError } from '../../errors/runware-error';
import type { ResultItem, TaskPayload } from '../../spec/task';
import type { TransportV1 } from '../../spec/transport-v1';
import { isErrorItem } from '../../transport-kit/result-items';
import { mapApiError } from '../map-api-error';
import { applyState, type PendingTask } from '../pending-task';
import { createDurationEstimator, type DurationBracket, type DurationEstimate } from './duration-estimator';
import { nextPollAge } from './poll-schedule';
import { type PollingOptions, resolvePolling } from './polling-options';
import { isTransientPollError } from './transient-poll-error';

export { defaultPolling, type PollingOptions } from './polling-options';

export interface PollScheduler {
  /**
   * Starts polling for a task. A task whose taskUUID is pending already is settled at once with
   * `conflictTaskUUID`: answers are told apart by taskUUID alone, and the first task must not lose them.
   */
  add(pending: PendingTask): void;
  /** Stops polling for this task (not for another one of the same taskUUID). */
  remove(pending: PendingTask): void;
  size(): number;
  /** Rejects every pending task with `error`; polling goes on for tasks added later. */
  failAll(error: RunwareError): void;
  /** Stops polling for good and rejects every pending task with `error`. */
  close(error: RunwareError): void;
}

export interface PollSchedulerDeps {
  transport: () => TransportV1;
  /** Per-request budget (config.timeout). */
  requestTimeoutMs: number;
  polling: PollingOptions;
  call: (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) => void;
  log: (category: 'request' | 'warn' | 'error', message: string, data?: unknown) => void;
}

/** One pending task and what its polls have told so far. */
interface Tracked {
  pending: PendingTask;
  /**
   * Age (ms since accepted) at which the answer to its last poll came (what it tells is that
   * fresh); undefined before the first poll.
   */
  lastPollAge: number | undefined;
  /** Age at which a poll last saw it unfinished: its duration is longer than this. */
  runningAge: number;
  /** When its next poll is due (epoch ms); `Infinity` while it is in the poll in flight. */
  due: number;
  /** Polls in a row that failed transiently (answered nothing about it); 0 after an answer. */
  failures: number;
  /** The error of the last of those polls, quoted when the task times out. */
  lastError: RunwareError | undefined;
  /** The wait after the last failed poll (backoff), ms; its next poll comes no sooner than `retryAt`. */
  backoffMs: number;
  retryAt: number;
}

const modelOf = (task: TaskPayload) =>
  typeof task.model === 'string' && task.model !== '' ? task.model : undefined;

/**
 * The one owner of a client's pending async tasks. Each task has its own next-poll time (from
 * `nextPollAge`: the age-based ladder, or dense polls around the finish its model's history
 * predicts); one timer is armed for the earliest: adding a task due sooner re-arms it, and each
 * poll's answer re-arms it from one pass over the pending tasks (a pass over 10 000 tasks takes
 * well under a millisecond, and there is at most one per poll, so no heap is kept). A poll is one
 * batched getResponse request with the tasks that are due and those due within `coalesceMs`; one
 * poll is in flight at a time, and what fell due meanwhile goes in the next, sent as soon as it
 * returns. Every success this client sees teaches the duration estimators (per model, LRU-bounded,
 * and per taskType), and the pending tasks of what was learned are rescheduled. Tasks of one model
 * pending together share their polls, so their dense window is denser (see `nextPollAge`).
 */
export function createPollScheduler(deps: PollSchedulerDeps): PollScheduler {
  const options = resolvePolling(deps.polling);
  const pending = new Map<string, Tracked>();
  /** Pending tasks per model (or taskType, for tasks without one): they share a schedule's polls. */
  const cohorts = new Map<string, number>();
  const cohortOf = (task: TaskPayload) => modelOf(task) ?? task.taskType;
  const byModel = createDurationEstimator({ maxKeys: options.maxModels, floorMs: options.minIntervalMs / 2 });
  const byTaskType = createDurationEstimator({ maxKeys: 64, floorMs: options.minIntervalMs / 2 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedAt: number | undefined;
  let inFlight = false;
  let closed = false;

  const estimateFor = (task: TaskPayload): DurationEstimate | undefined => {
    if (!options.adaptive) return undefined;
    const model = modelOf(task);
    return (model === undefined ? undefined : byModel.estimate(model)) ?? byTaskType.estimate(task.taskType);
  };

  const reschedule = (tracked: Tracked) => {
    const { pending: task } = tracked;
    const sharing = cohorts.get(cohortOf(task.task)) ?? 1;
    const age = nextPollAge(tracked.lastPollAge, estimateFor(task.task), options, sharing);
    const due = Math.max(task.submittedAt + age, tracked.retryAt);
    tracked.due = Math.min(due, task.deadline);
  };

  const disarm = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    armedAt = undefined;
  };

  /** Keeps the one timer set for `at`, the earliest due time (never while a poll is in flight). */
  const arm = (at: number) => {
    if (closed || inFlight) return;
    if (at === Number.POSITIVE_INFINITY) return disarm();
    if (timer && armedAt !== undefined && armedAt <= at) return;
    disarm();
    armedAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        armedAt = undefined;
        tick().catch(recover);
      },
      Math.max(0, at - Date.now()),
    );
  };

  const forget = (id: string) => {
    const tracked = pending.get(id);
    if (!tracked) return;
    pending.delete(id);
    const cohort = cohortOf(tracked.pending.task);
    const left = (cohorts.get(cohort) ?? 1) - 1;
    if (left > 0) cohorts.set(cohort, left);
    else cohorts.delete(cohort);
  };

  const expire = () => {
    const now = Date.now();
    for (const [id, { pending: task, lastError }] of pending) {
      if (now < task.deadline) continue;
      forget(id);
      const last = lastError ? ` Its last poll failed: ${lastError.message}` : '';
      task.settle({
        error: createRunwareError(
          'timeout',
          `Task ${id} did not finish within ${Math.round(task.deadline - task.submittedAt)} ms (pollTimeout or the call's timeout).${last}`,
          {
            taskType: task.task.taskType,
            taskUUID: id,
            cause: lastError,
          },
        ),
      });
    }
  };

  /**
   * Polls failing in a row: the first retry waits the normal interval, each next one twice the
   * last, up to maxIntervalMs (never sooner than the schedule), so an outage is not hammered.
   */
  const backOff = (tracked: Tracked, now: number) => {
    const normal = Math.max(options.minIntervalMs, tracked.due - now, 1);
    tracked.backoffMs =
      tracked.failures === 1
        ? normal
        : Math.max(normal, Math.min(options.maxIntervalMs, tracked.backoffMs * 2));
    tracked.retryAt = now + tracked.backoffMs;
    reschedule(tracked);
  };

  /** A poll that told nothing about `tracked`: it stays pending, polled with backoff. */
  const failed = (tracked: Tracked, error: RunwareError) => {
    tracked.failures += 1;
    tracked.lastError = error;
  };

  /** Teaches the estimators what one poll saw finish: one measurement per model and per taskType. */
  const learn = (finished: { task: TaskPayload; bracket: DurationBracket }[]) => {
    if (!options.adaptive || finished.length === 0) return;
    const models = new Map<string, DurationBracket[]>();
    const taskTypes = new Map<string, DurationBracket[]>();
    const push = (map: Map<string, DurationBracket[]>, key: string, bracket: DurationBracket) => {
      const list = map.get(key);
      if (list) list.push(bracket);
      else map.set(key, [bracket]);
    };
    for (const { task, bracket } of finished) {
      const model = modelOf(task);
      if (model !== undefined) push(models, model, bracket);
      push(taskTypes, task.taskType, bracket);
    }
    for (const [model, brackets] of models) byModel.observe(model, brackets);
    for (const [taskType, brackets] of taskTypes) byTaskType.observe(taskType, brackets);
    // Tasks still pending of what was learned move to the new schedule (earlier, often).
    for (const tracked of pending.values()) {
      const { task } = tracked.pending;
      const model = modelOf(task);
      if ((model !== undefined && models.has(model)) || taskTypes.has(task.taskType)) reschedule(tracked);
    }
  };

  const tick = async () => {
    expire();
    if (pending.size === 0 || closed) return;
    const sentAt = Date.now();
    const batch: Tracked[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const tracked of pending.values()) {
      if (tracked.due <= sentAt + options.coalesceMs) {
        tracked.due = Number.POSITIVE_INFINITY;
        batch.push(tracked);
      } else next = Math.min(next, tracked.due);
    }
    if (batch.length === 0) return arm(next);
    const current = (tracked: Tracked) => pending.get(tracked.pending.task.taskUUID) === tracked;
    const polls: TaskPayload[] = batch.map(({ pending: task }) => ({
      taskType: 'getResponse',
      taskUUID: task.task.taskUUID,
    }));
    let furthest = 0;
    for (const { pending: task } of batch) furthest = Math.max(furthest, task.deadline - sentAt);
    const finished: { task: TaskPayload; bracket: DurationBracket }[] = [];
    inFlight = true;
    try {
      const answer = await deps
        .transport()
        .send(polls, { timeoutMs: Math.max(1, Math.min(furthest, deps.requestTimeoutMs)) });
      const receivedAt = Date.now();
      const byTask = new Map<string, ResultItem[]>();
      for (const item of answer.data) {
        const items = byTask.get(item.taskUUID);
        if (items) items.push(item);
        else byTask.set(item.taskUUID, [item]);
      }
      let wide: RunwareError | undefined;
      for (const raw of answer.errors) {
        const tracked = raw.taskUUID ? pending.get(raw.taskUUID) : undefined;
        if (raw.taskUUID && !tracked) continue;
        if (!tracked) {
          // An error without a taskUUID concerns the whole poll. A transient one (a 503, an
          // overloaded server) says nothing about the tasks: they may still run, so they stay.
          const error = mapApiError(raw, undefined, { statusCode: answer.status });
          if (isTransientPollError(error, answer.status)) {
            wide ??= error;
            continue;
          }
        }
        // A definitive error (an auth failure, an error naming the task) ends the tasks it concerns.
        for (const target of tracked ? [tracked] : batch) {
          if (!current(target)) continue;
          const task = target.pending;
          forget(task.task.taskUUID);
          task.settle({
            error: mapApiError(raw, task.task, {
              statusCode: answer.status,
              modelSlug: task.modelSlug,
              docsUrl: task.docsUrl,
            }),
          });
        }
      }
      if (wide) deps.log('warn', 'getResponse poll failed; the tasks stay pending', { error: wide.toJSON() });
      for (const tracked of batch) {
        const task = tracked.pending;
        const items = byTask.get(task.task.taskUUID);
        if (!current(tracked)) continue;
        if (!items) {
          if (wide) failed(tracked, wide);
          continue;
        }
        tracked.failures = 0;
        tracked.lastError = undefined;
        if (applyState(task, items, deps.call)) {
          forget(task.task.taskUUID);
          if (!items.some(isErrorItem))
            finished.push({
              task: task.task,
              bracket: { lowMs: tracked.runningAge, highMs: receivedAt - task.submittedAt },
            });
        } else tracked.runningAge = sentAt - task.submittedAt;
      }
    } catch (error) {
      // A transient failure is retried with backoff until each task's deadline (the tasks may
      // still run); a definitive error ends them.
      const transient = isRunwareError(error) && isTransientPollError(error);
      deps.log(transient ? 'warn' : 'error', 'getResponse poll failed', {
        error: isRunwareError(error) ? error.toJSON() : String(error),
      });
      for (const tracked of batch) {
        if (!current(tracked)) continue;
        if (transient) {
          failed(tracked, error);
          continue;
        }
        forget(tracked.pending.task.taskUUID);
        tracked.pending.settle({
          error: isRunwareError(error)
            ? error
            : createRunwareError('unknownError', `getResponse poll failed: ${String(error)}`),
        });
      }
    } finally {
      inFlight = false;
    }
    const answeredAt = Date.now();
    for (const tracked of batch) {
      if (!current(tracked)) continue;
      tracked.lastPollAge = answeredAt - tracked.pending.submittedAt;
      tracked.retryAt = 0;
      reschedule(tracked);
      if (tracked.failures > 0) backOff(tracked, answeredAt);
    }
    learn(finished);
    expire();
    armForEarliest();
  };

  const armForEarliest = () => {
    let earliest = Number.POSITIVE_INFINITY;
    for (const tracked of pending.values()) earliest = Math.min(earliest, tracked.due);
    arm(earliest);
  };

  /** A bug in a poll cycle must not stop polling: log it, put every task back on a schedule. */
  const recover = (error: unknown) => {
    deps.log('error', 'The poll cycle failed; polling goes on.', { error: String(error) });
    inFlight = false;
    for (const tracked of pending.values())
      if (tracked.due === Number.POSITIVE_INFINITY) tracked.due = Date.now() + options.minIntervalMs;
    armForEarliest();
  };

  const failAll = (error: RunwareError) => {
    disarm();
    const failing = [...pending.values()];
    pending.clear();
    cohorts.clear();
    for (const tracked of failing) tracked.pending.settle({ error });
  };

  return {
    add(task) {
      const { taskUUID, taskType } = task.task;
      if (pending.has(taskUUID)) {
        task.settle({
          error: createRunwareError(
            'conflictTaskUUID',
            `Task ${taskUUID} is already pending on this client; give each task its own taskUUID.`,
            { taskUUID, taskType, parameter: 'taskUUID' },
          ),
        });
        return;
      }
      const tracked: Tracked = {
        pending: task,
        lastPollAge: undefined,
        runningAge: 0,
        due: 0,
        failures: 0,
        lastError: undefined,
        backoffMs: 0,
        retryAt: 0,
      };
      pending.set(task.task.taskUUID, tracked);
      const cohort = cohortOf(task.task);
      cohorts.set(cohort, (cohorts.get(cohort) ?? 0) + 1);
      reschedule(tracked);
      arm(tracked.due);
    },
    remove(task) {
      if (pending.get(task.task.taskUUID)?.pending !== task) return;
      forget(task.task.taskUUID);
      if (pending.size === 0) disarm();
    },
    size: () => pending.size,
    failAll,
    close(error) {
      closed = true;
      failAll(error);
    },
  };
}
