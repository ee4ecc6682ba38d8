import type {
  RawApiError,
  ResultItem,
  RunwareError,
  SendOptionsV1,
  TaskPayload,
  TransportResultV1,
} from '@runware/core';
import {
  ackItem,
  answersWithAck,
  contextOf,
  describeCause,
  isIdempotentTask,
} from '@runware/core/transport-kit';
import { syntheticError } from '../http/parse-response';
import type { RequestContext } from '../http/request-context';
import { failureError, retryAfterError } from '../http/rest-errors';
import { pollWindow, probe, type Settlement, settle } from './recover-unanswered';
import { retryWait } from './retry-wait';
import { createSendSteps, type StepFailure } from './send-steps';

type StepEnd = StepFailure | { end: TransportResultV1 } | undefined;

// After a probe finds a sync task still running, give it a moment before the first poll.
const pollDelayAfterProbeMs = 250;

function describeFailure(failure: StepFailure): string {
  if (failure.kind === 'status') return `HTTP ${failure.status}`;
  if (failure.kind === 'timeout') return 'a timeout';
  return `a network error (${describeCause(failure.cause)})`;
}

/**
 * One `send()`: submits the batch, retries what failed, and never submits a task the server may
 * already hold; when retries run out it asks about the tasks it may hold before failing them. Tasks move between four lists: `toSend` (safe to submit), `unknown` (submitted,
 * no answer: ask with getResponse first), `polling` (accepted sync tasks whose results are
 * collected with getResponse), and settled (their items and errors are in `data`/`errors`).
 */
export async function sendBatch(
  ctx: RequestContext,
  tasks: readonly TaskPayload[],
  sendOptions: SendOptionsV1,
): Promise<TransportResultV1> {
  const { options, log } = ctx;
  const context = contextOf(tasks);
  const steps = createSendSteps(ctx, context, sendOptions);
  // Retry-After may not push a wait past this (see the loop below).
  const deadline = Date.now() + steps.timeoutMs;
  const order = new Map(tasks.map((task, index) => [task.taskUUID, index]));
  const byUUID = new Map(tasks.map((task) => [task.taskUUID, task]));

  let toSend = [...tasks];
  let unknown: TaskPayload[] = [];
  let polling: TaskPayload[] = [];
  let pollDelay = 0;
  /** Tasks an earlier attempt carried: a `conflictTaskUUID` for one of them means "already accepted". */
  const sentBefore = new Set<string>();
  /**
   * Tasks an attempt carried that ended without a certain answer (a 5xx, which a gateway may send
   * after the work was done): if retries run out, the server is asked about them before failing.
   */
  const maybeHeld = new Set<string>();
  const data: ResultItem[] = [];
  const errors: RawApiError[] = [];
  let status: number | undefined;
  let recovered = false;

  const add = (settlement: Settlement) => {
    data.push(...settlement.data);
    errors.push(...settlement.errors);
  };
  const inOrder = (list: TaskPayload[]) =>
    list.sort((a, b) => (order.get(a.taskUUID) ?? 0) - (order.get(b.taskUUID) ?? 0));
  const end = (extra: RawApiError[], endStatus: number | undefined): StepEnd => ({
    end: { data, errors: [...errors, ...extra], status: endStatus },
  });

  const probeStep = async (): Promise<StepEnd> => {
    const outcome = await probe(unknown, steps);
    if ('failure' in outcome) return outcome.failure;
    recovered = true;
    if ('wide' in outcome) return end(outcome.wide.errors, outcome.wide.status);
    errors.push(...outcome.failed);
    for (const { task, report } of outcome.known) {
      const settlement = settle(task, report);
      if (settlement) add(settlement);
      else polling.push(task);
    }
    pollDelay = pollDelayAfterProbeMs;
    for (const task of outcome.unknown) maybeHeld.delete(task.taskUUID);
    toSend = inOrder([...toSend, ...outcome.unknown]);
    unknown = [];
    log(
      'warn',
      `asked about ${outcome.known.length + outcome.unknown.length} unanswered task(s): ` +
        `${outcome.known.length} reached the server (not resent), ${outcome.unknown.length} did not`,
      {
        known: outcome.known.map(({ task }) => task.taskUUID),
        resend: outcome.unknown.map((task) => task.taskUUID),
      },
    );
    return undefined;
  };

  const submitStep = async (): Promise<StepEnd> => {
    const answer = await steps.post(toSend, `${toSend.length} task(s)`);
    if ('failure' in answer) {
      const failure = answer.failure;
      if (failure.kind === 'network' && failure.neverSent) return failure;
      for (const task of toSend) sentBefore.add(task.taskUUID);
      // An answered status means the request was turned away: resend as is (a conflict is caught
      // below). No answer means the server may hold the tasks: ask before resending them.
      if (failure.kind !== 'status') {
        unknown = toSend.filter((task) => !isIdempotentTask(task));
        toSend = toSend.filter(isIdempotentTask);
      } else if (failure.status >= 500) {
        // 408 and 429 turn a request away before any work; a 5xx may come after it.
        for (const task of toSend) if (!isIdempotentTask(task)) maybeHeld.add(task.taskUUID);
      }
      return failure;
    }
    const { result } = answer;
    toSend = [];
    const conflicted = new Set(
      result.errors
        .filter(
          (e) => e.code === 'conflictTaskUUID' && e.taskUUID !== undefined && sentBefore.has(e.taskUUID),
        )
        .map((e) => e.taskUUID),
    );
    const kept = result.errors.filter((e) => !conflicted.has(e.taskUUID));
    data.push(...result.data);
    errors.push(...kept);
    if (conflicted.size === 0 || kept.length > 0) status = result.status;
    for (const uuid of conflicted) {
      const task = uuid === undefined ? undefined : byUUID.get(uuid);
      if (!task) continue;
      recovered = true;
      if (answersWithAck(task)) data.push(ackItem(task));
      else polling.push(task);
    }
    if (conflicted.size > 0) {
      pollDelay = 0;
      log(
        'warn',
        `${conflicted.size} task(s) were accepted by an earlier attempt; collecting their results`,
        {
          taskUUIDs: [...conflicted],
        },
      );
    }
    return undefined;
  };

  const pollStep = async (): Promise<StepEnd> => {
    const outcome = await pollWindow(polling, steps, pollDelay, (_task, settlement) => add(settlement));
    polling = outcome.remaining;
    pollDelay = 0;
    if (outcome.wide) return end(outcome.wide.errors, outcome.wide.status);
    return outcome.failure;
  };

  let failures = 0;
  for (;;) {
    const step =
      unknown.length > 0
        ? probeStep
        : toSend.length > 0
          ? submitStep
          : polling.length > 0
            ? pollStep
            : undefined;
    if (!step) return { data, errors, status: recovered && errors.length === 0 ? 200 : status };
    const outcome = await step();
    if (outcome === undefined) continue;
    if ('end' in outcome) return outcome.end;
    failures += 1;
    if (failures > options.maxRetries) return giveUp(outcome, step);
    // Waiting as asked would outlast the call: fail now rather than sleep past its deadline, or
    // retry early into another refusal.
    if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined) {
      const leftMs = deadline - Date.now();
      if (outcome.retryAfterMs > leftMs) {
        const raw = outcome.result.errors[0];
        const error = retryAfterError(
          context,
          outcome.status,
          raw,
          outcome.retryAfterMs,
          leftMs,
          ctx.secrets,
        );
        return giveUp(outcome, step, error);
      }
    }
    const delayMs = retryWait(
      failures,
      outcome.kind === 'status' ? outcome.retryAfterMs : undefined,
      options,
    );
    log(
      'retry',
      `retry ${failures} of ${options.maxRetries} in ${delayMs} ms after ${describeFailure(outcome)}`,
      {
        retry: failures,
        delayMs,
        reason: outcome.kind,
        ...(outcome.kind === 'status' ? { status: outcome.status, retryAfterMs: outcome.retryAfterMs } : {}),
      },
    );
    await steps.delay(delayMs);
  }

  /**
   * The end of a call whose retries ran out (or whose `Retry-After` outlasts it, `reason`). Tasks
   * the server may hold are asked about first, unless the last step was that very question.
   */
  async function giveUp(
    failure: StepFailure,
    step: () => Promise<StepEnd>,
    reason?: RunwareError,
  ): Promise<TransportResultV1> {
    const posts = steps.posts();
    const after = `after ${posts} request(s): ${describeFailure(failure)}`;
    log('error', `giving up ${after}${reason ? ' (Retry-After past the deadline)' : ''}`, {
      reason: failure.kind,
    });
    const uncertain =
      step === probeStep ? [] : [...unknown, ...toSend.filter((task) => maybeHeld.has(task.taskUUID))];
    const answered =
      uncertain.length > 0 ? await askBeforeFailing(uncertain, failure, reason, posts) : undefined;
    if (answered) return answered;
    if (reason) throw reason;
    if (failure.kind !== 'status') throw failureError(failure, context, ctx, steps.timeoutMs, posts);
    return {
      data: [...data, ...failure.result.data],
      errors: [...errors, ...failure.result.errors],
      status: failure.status,
    };
  }

  /**
   * One getResponse for tasks whose submit may have reached the server: those it has are answered
   * from it (their ACK, or their results polled for one more window), and only the others fail,
   * each with an error of its own. Undefined when the server has none of them (or cannot say), so
   * the call fails as it would have.
   */
  async function askBeforeFailing(
    uncertain: TaskPayload[],
    failure: StepFailure,
    reason: RunwareError | undefined,
    posts: number,
  ): Promise<TransportResultV1 | undefined> {
    const outcome = await probe(uncertain, steps);
    if (!('known' in outcome) || outcome.known.length === 0) return undefined;
    const answered: Settlement[] = [];
    const running = [...polling];
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
    log('warn', `retries ran out, but ${answered.length} task(s) reached the server: answering them`, {
      known: outcome.known.map(({ task }) => task.taskUUID),
    });
    recovered = true;
    for (const settlement of answered) add(settlement);
    errors.push(...outcome.failed);
    if (polled?.wide) errors.push(...polled.wide.errors);
    else if (polled && polled.remaining.length > 0)
      errors.push(
        ...failedWith(polled.remaining, polled.failure ?? { kind: 'timeout' }, undefined, steps.posts()),
      );
    const asked = new Set(uncertain.map((task) => task.taskUUID));
    const left = [...outcome.unknown, ...toSend.filter((task) => !asked.has(task.taskUUID))];
    errors.push(...failedWith(inOrder(left), failure, reason, posts));
    return { data, errors, status: errors.length === 0 ? 200 : undefined };
  }

  /** Errors of their own for tasks that failed while others of the batch were answered. */
  function failedWith(
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
      failure.kind === 'status' ? undefined : failureError(failure, context, ctx, steps.timeoutMs, posts);
    const error = reason ?? lost;
    if (error) return list.map((task) => own(task, { code: error.rawCode, message: error.message }));
    if (failure.kind !== 'status') return [];
    // An answered failure: its errors for these tasks, and its request-wide ones repeated for each
    // (left request-wide, they would fail the tasks that were answered too).
    return list.flatMap((task) => {
      const mine = failure.result.errors.filter(
        (e) => e.taskUUID === task.taskUUID || e.taskUUID === undefined || !byUUID.has(e.taskUUID),
      );
      return (mine.length > 0 ? mine : [syntheticError(failure.status, '')]).map((e) => own(task, e));
    });
  }
}
