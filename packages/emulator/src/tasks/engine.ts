import { type ApiErrorItem, apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import { latencyFor } from '../options';
import { isUuid } from '../rng';
import type { Transport } from '../state/stats';
import type { Slot, TaskRecord } from '../state/task-store';
import type { JobInput } from './job-types';
import { planJob } from './plan-job';
import { resolveInputs } from './resolve-inputs';
import { runUtility } from './utility-tasks';

export interface Caller {
  transport: Transport;
  apiKey: string;
}

/** What became of one submitted task, for the transport to turn into frames or a response. */
export type Submitted =
  /** Answered at once: pong, getResponse state, utility results. */
  | { kind: 'now'; items: Record<string, unknown>[] }
  | { kind: 'error'; error: ApiErrorItem }
  /** Accepted for async delivery (or webhook): the transport sends `ack`. */
  | { kind: 'ack'; record: TaskRecord; ack: Record<string, unknown> }
  /** Accepted for sync delivery: results arrive as the record's slots complete. */
  | { kind: 'sync'; record: TaskRecord }
  /** textInference with deliveryMethod stream (REST only). */
  | { kind: 'stream'; record: TaskRecord; input: JobInput };

const readOnlyTaskTypes = new Set(['getResponse', 'getTaskDetails']);

/** The full current state of a task, one item per result slot, in a stable order. */
export function slotItems(record: TaskRecord): Record<string, unknown>[] {
  return record.slots.map((slot) => {
    const envelope = { taskType: record.taskType, taskUUID: record.taskUUID };
    if (slot.state === 'success') return { ...slot.item, status: 'success' };
    if (slot.state === 'error') return { ...envelope, status: 'error', error: slot.error };
    return {
      ...envelope,
      status: 'processing',
      ...(slot.progress !== undefined ? { progress: slot.progress } : {}),
    };
  });
}

function newRecord(
  taskUUID: string,
  taskType: string,
  caller: Caller,
  request: Record<string, unknown>,
  slots: number,
): TaskRecord {
  return {
    taskUUID,
    taskType,
    apiKey: caller.apiKey,
    transport: caller.transport,
    request,
    slots: Array.from({ length: slots }, (): Slot => ({ state: 'processing' })),
    createdAt: Date.now(),
    listeners: new Set(),
  };
}

/** Schedules each slot's completion: latency for the first, a little more for each next one. */
function runJob(
  ctx: EmulatorContext,
  record: TaskRecord,
  build: (index: number) => Record<string, unknown>,
  reportsProgress: boolean,
): void {
  const latency = latencyFor(ctx.options, record.taskType);
  record.slots.forEach((_, index) => {
    const due = latency * (1 + index * 0.25);
    if (reportsProgress) {
      for (let step = 1; step < 5; step++) {
        ctx.scheduler.after((due * step) / 5, () => {
          if (record.slots[index]?.state === 'processing')
            ctx.tasks.update(record, index, { state: 'processing', progress: step * 20 });
        });
      }
    }
    ctx.scheduler.after(due, () => {
      const fault = ctx.faults.take('itemError', {
        taskType: record.taskType,
        transport: record.transport,
        index,
      });
      if (fault) {
        ctx.tasks.update(record, index, {
          state: 'error',
          error: {
            code: fault.code ?? 'inferenceError',
            message: fault.message ?? `Result ${index} failed (injected fault).`,
          },
        });
        return;
      }
      try {
        ctx.tasks.update(record, index, { state: 'success', item: build(index) });
      } catch (cause) {
        ctx.tasks.update(record, index, {
          state: 'error',
          error: { code: 'inferenceError', message: (cause as Error).message },
        });
      }
    });
  });
}

/** Checks, records and starts one task of a request. Never throws for bad input. */
export function submitTask(ctx: EmulatorContext, raw: unknown, caller: Caller): Submitted {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'error', error: apiError('invalidRequestFormat', 'Each task must be a JSON object.') };
  }
  const task = raw as Record<string, unknown>;
  const taskType = task.taskType;
  const taskUUID = typeof task.taskUUID === 'string' ? task.taskUUID : undefined;
  if (typeof taskType !== 'string' || taskType === '') {
    return {
      kind: 'error',
      error: apiError('missingTaskType', "Missing required parameter 'taskType'.", {
        parameter: 'taskType',
        taskUUID,
      }),
    };
  }
  if (taskType === 'ping') return { kind: 'now', items: [{ taskType: 'ping', pong: true }] };
  const context = { taskType, taskUUID };
  if (taskUUID === undefined)
    return {
      kind: 'error',
      error: apiError('missingTaskUUID', "Missing required parameter 'taskUUID'.", {
        ...context,
        parameter: 'taskUUID',
      }),
    };
  if (!isUuid(taskUUID))
    return {
      kind: 'error',
      error: apiError('invalidTaskUUID', "'taskUUID' must be a UUID.", { ...context, parameter: 'taskUUID' }),
    };
  const ids = { taskType, taskUUID };

  if (taskType === 'getResponse') {
    const found = ctx.tasks.lookup(taskUUID, caller.apiKey);
    if ('found' in found) return { kind: 'now', items: slotItems(found.found) };
    const code = found.missing === 'expired' ? 'taskExpired' : 'taskNotFound';
    return {
      kind: 'error',
      error: apiError(
        code,
        `No task ${taskUUID} (it never existed, belongs to another key, or its results expired).`,
        { ...context, parameter: 'taskUUID' },
      ),
    };
  }

  const checked = ctx.validator.validate(task, taskUUID);
  if ('code' in checked) return { kind: 'error', error: checked };
  if (task.deliveryMethod === 'stream' && caller.transport === 'ws') {
    return {
      kind: 'error',
      error: apiError(
        'unsupportedDeliveryMethod',
        "deliveryMethod 'stream' is served over REST (SSE) only.",
        { ...context, parameter: 'deliveryMethod' },
      ),
    };
  }
  const isUtility = taskType in ctx.data.utilities;
  const inputs = isUtility ? {} : resolveInputs(ctx, task, taskUUID);
  if ('code' in inputs) return { kind: 'error', error: inputs };
  const input: JobInput = { ctx, task, taskType, taskUUID, input: inputs.primary };

  if (readOnlyTaskTypes.has(taskType)) {
    const outcome = runUtility(input, caller.apiKey);
    return 'error' in outcome
      ? { kind: 'error', error: outcome.error }
      : { kind: 'now', items: 'items' in outcome ? outcome.items : [] };
  }
  if (isUtility) {
    const outcome = runUtility(input, caller.apiKey);
    if ('error' in outcome) return { kind: 'error', error: outcome.error };
    const slots = 'items' in outcome ? outcome.items.length : outcome.plan.slots;
    const record = newRecord(taskUUID, taskType, caller, task, slots);
    if (!ctx.tasks.add(record)) return conflict(ids);
    if ('items' in outcome) {
      for (const [index, item] of outcome.items.entries())
        ctx.tasks.update(record, index, { state: 'success', item });
      return { kind: 'now', items: outcome.items };
    }
    runJob(ctx, record, outcome.plan.build, false);
    return { kind: 'sync', record };
  }

  const plan = planJob(input);
  const record = newRecord(taskUUID, taskType, caller, task, plan.slots);
  if (!ctx.tasks.add(record)) return conflict(ids);
  if (task.deliveryMethod === 'stream') return { kind: 'stream', record, input };
  runJob(ctx, record, plan.build, plan.reportsProgress);
  if (task.deliveryMethod === 'async' || typeof task.webhookURL === 'string') {
    return { kind: 'ack', record, ack: { taskType, taskUUID } };
  }
  return { kind: 'sync', record };
}

function conflict(context: { taskType: string; taskUUID: string }): Submitted {
  return {
    kind: 'error',
    error: apiError(
      'conflictTaskUUID',
      `A task with taskUUID ${context.taskUUID} was already submitted; poll it with getResponse instead of sending it again.`,
      { ...context, parameter: 'taskUUID' },
    ),
  };
}
