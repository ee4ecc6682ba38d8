import type { RawApiError, ResultItem, SendOptionsV1, TaskPayload, TransportResultV1 } from '@runware/core';
import {
  ackItem,
  answersWithAck,
  contextOf,
  describeCause,
  isIdempotentTask,
} from '@runware/core/transport-kit';
import type { RequestContext } from '../http/request-context';
import { failureError } from '../http/rest-errors';
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
 * already hold. Tasks move between four lists: `toSend` (safe to submit), `unknown` (submitted,
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
  const order = new Map(tasks.map((task, index) => [task.taskUUID, index]));
  const byUUID = new Map(tasks.map((task) => [task.taskUUID, task]));

  let toSend = [...tasks];
  let unknown: TaskPayload[] = [];
  let polling: TaskPayload[] = [];
  let pollDelay = 0;
  /** Tasks an earlier attempt carried: a `conflictTaskUUID` for one of them means "already accepted". */
  const sentBefore = new Set<string>();
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
    if (failures > options.maxRetries) return exhausted(outcome);
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

  function exhausted(failure: StepFailure): TransportResultV1 {
    const posts = steps.posts();
    const after = `after ${posts} request(s): ${describeFailure(failure)}`;
    log('error', `giving up ${after}`, { reason: failure.kind });
    if (failure.kind !== 'status') throw failureError(failure, context, ctx, steps.timeoutMs, posts);
    return {
      data: [...data, ...failure.result.data],
      errors: [...errors, ...failure.result.errors],
      status: failure.status,
    };
  }
}
