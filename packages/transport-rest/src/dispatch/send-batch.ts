import type {
  RawApiError,
  ResultItem,
  RunwareError,
  SendOptionsV1,
  TaskPayload,
  TransportResultV1,
} from '@runware/core';
import { contextOf, describeCause, isIdempotentTask } from '@runware/core/transport-kit';
import type { RequestContext } from '../http/request-context';
import { failureError, retryAfterError } from '../http/rest-errors';
import { retryWait } from './retry-wait';
import { createSendSteps, type SendSteps, type StepFailure } from './send-steps';

export type StepEnd = StepFailure | { end: TransportResultV1 } | undefined;

/**
 * One `send()` in progress. Tasks move between four lists: `toSend` (safe to submit), `unknown`
 * (submitted, no answer: ask with getResponse first), `polling` (accepted sync tasks whose results
 * are collected with getResponse), and settled (their items and errors are in `data`/`errors`).
 * One object, so the recovery chunk (dispatch/recover-unanswered) works on the same state.
 */
export interface Batch {
  ctx: RequestContext;
  steps: SendSteps;
  /** The call's tasks, in the order their answers keep. */
  tasks: readonly TaskPayload[];
  toSend: TaskPayload[];
  unknown: TaskPayload[];
  polling: TaskPayload[];
  /** The wait before the next poll, in ms (none when unset). */
  pollDelay?: number;
  /** Tasks an earlier attempt carried: a `conflictTaskUUID` for one of them means "already accepted". */
  sentBefore: Set<string>;
  /**
   * Tasks an attempt carried that ended without a certain answer (a 5xx, which a gateway may send
   * after the work was done): if retries run out, the server is asked about them before failing.
   */
  maybeHeld: Set<string>;
  data: ResultItem[];
  errors: RawApiError[];
  status?: number | undefined;
  /** Some task was answered through getResponse. */
  recovered?: boolean;
}

/**
 * Asking the server about unanswered tasks happens only after a failed attempt, so its code is a
 * chunk of its own: an app whose requests are answered never loads it.
 */
const recovery = () => import('./recover-unanswered');

const describeFailure = (failure: StepFailure): string =>
  failure.kind === 'status'
    ? `HTTP ${failure.status}`
    : failure.kind === 'timeout'
      ? 'a timeout'
      : `a network error (${describeCause(failure.cause)})`;

/**
 * One `send()`: submits the batch, retries what failed, and never submits a task the server may
 * already hold; when retries run out it asks about the tasks it may hold before failing them.
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
  const b: Batch = {
    ctx,
    steps,
    tasks,
    toSend: [...tasks],
    unknown: [],
    polling: [],
    sentBefore: new Set(),
    maybeHeld: new Set(),
    data: [],
    errors: [],
  };
  const { data, errors, sentBefore, maybeHeld } = b;

  const submit = async (): Promise<StepEnd> => {
    const { toSend } = b;
    const answer = await steps.post(toSend, `${toSend.length} task(s)`);
    if ('failure' in answer) {
      const failure = answer.failure;
      if (failure.kind === 'network' && failure.neverSent) return failure;
      for (const task of toSend) sentBefore.add(task.taskUUID);
      // An answered status means the request was turned away: resend as is (a conflict is caught
      // below). No answer means the server may hold the tasks: ask before resending them.
      if (failure.kind !== 'status') {
        b.unknown = toSend.filter((task) => !isIdempotentTask(task));
        b.toSend = toSend.filter(isIdempotentTask);
      } else if (failure.status >= 500) {
        // 408 and 429 turn a request away before any work; a 5xx may come after it.
        for (const task of toSend) if (!isIdempotentTask(task)) maybeHeld.add(task.taskUUID);
      }
      return failure;
    }
    const { result } = answer;
    b.toSend = [];
    data.push(...result.data);
    // A conflict for a task an earlier attempt carried: that attempt was accepted after all.
    if (result.errors.some((e) => e.code === 'conflictTaskUUID' && sentBefore.has(e.taskUUID as string)))
      (await recovery()).conflicts(b, result);
    else {
      errors.push(...result.errors);
      b.status = result.status;
    }
    return undefined;
  };

  let failures = 0;
  for (;;) {
    const { unknown, toSend, polling } = b;
    if (!unknown.length && !toSend.length && !polling.length)
      return { data, errors, status: b.recovered && errors.length === 0 ? 200 : b.status };
    // Ask about unanswered tasks first, then submit, then poll.
    const probing = unknown.length > 0;
    const outcome = probing || !toSend.length ? await (await recovery()).recoverStep(b) : await submit();
    if (outcome === undefined) continue;
    if ('end' in outcome) return outcome.end;
    failures += 1;
    if (failures > options.maxRetries) return giveUp(outcome, probing);
    const retryAfterMs = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
    // Waiting as asked would outlast the call: fail now rather than sleep past its deadline, or
    // retry early into another refusal.
    if (outcome.kind === 'status' && retryAfterMs !== undefined) {
      const leftMs = deadline - Date.now();
      if (retryAfterMs > leftMs) {
        return giveUp(
          outcome,
          probing,
          retryAfterError(
            context,
            outcome.status,
            // An answered failure carries at least one error (see parseAnswer).
            outcome.result.errors[0] as RawApiError,
            retryAfterMs,
            leftMs,
            ctx.secrets,
          ),
        );
      }
    }
    const delayMs = retryWait(failures, retryAfterMs, options);
    log(
      'retry',
      `retry ${failures} of ${options.maxRetries} in ${delayMs} ms after ${describeFailure(outcome)}`,
      {
        retry: failures,
        delayMs,
        reason: outcome.kind,
        ...(outcome.kind === 'status' ? { status: outcome.status, retryAfterMs } : {}),
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
    probing: boolean,
    reason?: RunwareError,
  ): Promise<TransportResultV1> {
    const posts = steps.posts();
    log(
      'error',
      `giving up after ${posts} request(s): ${describeFailure(failure)}${reason ? ' (Retry-After past the deadline)' : ''}`,
      { reason: failure.kind },
    );
    // The last step asked about unanswered tasks and failed: they are not failed as refused.
    if (probing && b.unknown.length > 0) return (await recovery()).unanswered(b, failure, reason, posts);
    const uncertain = [...b.unknown, ...b.toSend.filter((task) => maybeHeld.has(task.taskUUID))];
    const answered =
      uncertain.length > 0
        ? await (await recovery()).askBeforeFailing(b, uncertain, failure, reason, posts)
        : undefined;
    if (answered) return answered;
    if (reason) throw reason;
    if (failure.kind !== 'status') throw failureError(failure, context, ctx, steps.timeoutMs, posts);
    return {
      data: [...data, ...failure.result.data],
      errors: [...errors, ...failure.result.errors],
      status: failure.status,
    };
  }
}
