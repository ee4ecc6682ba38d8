import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { RegistryV1 } from '../spec/registry-v1';
import type { ResultItem, TaskPayload } from '../spec/task';
import type { TransportV1 } from '../spec/transport-v1';
import type { ValidatorV1 } from '../spec/validator-v1';
import { expectedItems } from '../transport-kit/result-items';
import { abortedError, contextOf } from '../transport-kit/transport-errors';
import { mapApiError } from './map-api-error';
import type { ItemCallbacks, PendingTask } from './pending-task';
import type { PollScheduler } from './polling/poll-scheduler';
import { type PreparedTask, prepareTask } from './prepare-task';
import type { RunOptions } from './run-options';
import type { SubmitCoalescer } from './submit-coalescer';

export interface RunContext {
  transport: () => TransportV1;
  registry: RegistryV1 | undefined;
  validator: ValidatorV1 | undefined;
  scheduler: PollScheduler;
  /** Shares one request between single async tasks of `run()` calls; absent when the window is 0. */
  coalescer?: SubmitCoalescer | undefined;
  settings: { timeout: number; pollTimeout: number; validate: boolean };
  /** The params with their media encoded; the same params, not a promise, when nothing needs it. */
  encodeMedia: (
    params: Record<string, unknown>,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
  call: (fn: ((item: ResultItem) => unknown) | undefined, item: ResultItem) => void;
}

/** Resolves when the async task's results are in, rejects on failure, timeout or abort. */
function awaitAsync(
  ctx: RunContext,
  prepared: PreparedTask,
  options: RunOptions,
  callbacks: ItemCallbacks,
): Promise<ResultItem[]> {
  const task = prepared.payload;
  const budget = options.timeout ?? ctx.settings.pollTimeout;
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      ctx.scheduler.remove(pending);
      pending.settle({ error: abortedError(contextOf([task])) });
    };
    const pending: PendingTask = {
      task,
      expected: expectedItems(task),
      submittedAt: Date.now(),
      deadline: Date.now() + budget,
      callbacks,
      modelSlug: prepared.modelSlug,
      docsUrl: prepared.docsUrl,
      settle(outcome) {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if ('items' in outcome) resolve(outcome.items);
        else reject(outcome.error);
      },
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    ctx.scheduler.add(pending);
  });
}

/** Settles one sync task from the items and errors the service sent for it. */
function settleSync(
  task: TaskPayload,
  items: ResultItem[],
  errors: RunwareError[],
  callbacks: ItemCallbacks,
  reported: Set<ResultItem> | undefined,
  ctx: RunContext,
): ResultItem[] {
  for (const item of items) if (!reported?.has(item)) ctx.call(callbacks.onResult, item);
  const first = errors[0];
  if (first) throw first;
  if (items.length === 0) {
    throw createRunwareError(
      'unrecognizedResponse',
      `The service answered without results for task ${task.taskUUID}.`,
      { taskType: task.taskType, taskUUID: task.taskUUID },
    );
  }
  return items;
}

/**
 * `run()`: prepares every task, sends them as one request, then resolves each task from the
 * answer (sync) or by polling (async). Returns one results array per task, in order. Utility
 * calls pass no default delivery: their schemas are closed, and the server's default is sync.
 * `runOne` is the single-task form: the one task's results, not an array of one (fewer objects
 * held per pending task), and its async task goes through `ctx.coalescer` when there is one,
 * sharing its request with the tasks of other calls made within the window.
 */
export function runTasks(
  ctx: RunContext,
  paramsList: readonly Record<string, unknown>[],
  options: RunOptions,
  delivery: 'async' | 'server-default' = 'async',
): Promise<ResultItem[][]> {
  return runPrepared(ctx, paramsList, options, delivery, false) as Promise<ResultItem[][]>;
}

export function runOne(
  ctx: RunContext,
  params: Record<string, unknown>,
  options: RunOptions,
  delivery: 'async' | 'server-default' = 'async',
): Promise<ResultItem[]> {
  return runPrepared(ctx, [params], options, delivery, true) as Promise<ResultItem[]>;
}

async function runPrepared(
  ctx: RunContext,
  paramsList: readonly Record<string, unknown>[],
  options: RunOptions,
  delivery: 'async' | 'server-default',
  one: boolean,
): Promise<ResultItem[][] | ResultItem[]> {
  if (paramsList.length === 0)
    throw createRunwareError('invalidParams', 'run() needs at least one task.', { parameter: 'params' });
  const prepared = await Promise.all(
    paramsList.map((params) =>
      prepareTask(params, {
        registry: ctx.registry,
        defaultDelivery: delivery === 'async' ? 'async' : undefined,
      }),
    ),
  );
  for (const entry of prepared) entry.payload = (await ctx.encodeMedia(entry.payload)) as TaskPayload;
  if (options.validate ?? ctx.settings.validate) {
    await Promise.all(
      prepared.map(async (entry) => {
        const outcome = await ctx.validator?.validate(entry.payload, {
          taskType: entry.payload.taskType,
          model: typeof entry.payload.model === 'string' ? entry.payload.model : undefined,
        });
        if (outcome?.documentation) entry.docsUrl = outcome.documentation;
      }),
    );
  }
  if (options.signal?.aborted) throw abortedError(contextOf(prepared[0] ? [prepared[0].payload] : []));

  const callbacks: ItemCallbacks = { onResult: options.onResult, onProgress: options.onProgress };
  // Items a push transport delivered before send() resolved: reported once, not again.
  let pushed: Set<ResultItem> | undefined;
  const payloads = prepared.map((entry) => entry.payload);
  const sendOptions = {
    signal: options.signal,
    timeoutMs: options.timeout ?? ctx.settings.timeout,
    onItem: (item: ResultItem) => {
      pushed ??= new Set();
      pushed.add(item);
      ctx.call(callbacks.onResult, item);
    },
  };
  // Sync tasks are never coalesced: a shared request would hold a fast task's answer for the slowest.
  const single = payloads.length === 1 ? payloads[0] : undefined;
  const sent =
    one && ctx.coalescer && single?.deliveryMethod === 'async'
      ? ctx.coalescer.submit(single, sendOptions)
      : ctx.transport().send(payloads, sendOptions);
  // Not awaited: while the send is pending it holds this continuation, not the frame of runTasks.
  return sent.then<ResultItem[][] | ResultItem[]>((answer) => {
    const known = new Set(payloads.map((task) => task.taskUUID));
    const requestError = answer.errors.find((raw) => !raw.taskUUID || !known.has(raw.taskUUID));
    if (requestError)
      throw mapApiError(requestError, single, {
        statusCode: answer.status,
        modelSlug: prepared[0]?.modelSlug,
        docsUrl: prepared[0]?.docsUrl,
      });
    /** One task's results (sync) or the promise of them (async); every task is settled or scheduled. */
    const settle = (entry: PreparedTask): ResultItem[] | Promise<ResultItem[]> => {
      const task = entry.payload;
      const errors = answer.errors
        .filter((raw) => raw.taskUUID === task.taskUUID)
        .map((raw) =>
          mapApiError(raw, task, {
            statusCode: answer.status,
            modelSlug: entry.modelSlug,
            docsUrl: entry.docsUrl,
          }),
        );
      try {
        if (task.deliveryMethod !== 'async') {
          const items = answer.data.filter((item) => item.taskUUID === task.taskUUID);
          return settleSync(task, items, errors, callbacks, pushed, ctx);
        }
        if (errors[0]) throw errors[0];
        return awaitAsync(ctx, entry, options, callbacks);
      } catch (error) {
        return Promise.reject(error);
      }
    };
    // A lone task's promise is returned as it is: no Promise.all, which holds an array and a
    // closure per task for as long as the task waits.
    return one && prepared[0] ? settle(prepared[0]) : Promise.all(prepared.map(settle));
  });
}
