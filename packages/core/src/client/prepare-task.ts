import { createRunwareError } from '../errors/create-runware-error';
import type { RegistryV1 } from '../spec/registry-v1';
import type { TaskPayload } from '../spec/task';
import { newTaskUUID } from './task-uuid';

/** AIRs hold both `:` and `@`; anything else may be a curated slug. */
const looksLikeAir = (model: string) => model.includes(':') && model.includes('@');

export interface PreparedTask {
  payload: TaskPayload;
  /** The curated slug of the model, for documentation links. */
  modelSlug?: string;
  /** The model's docs URL from `/resolve` (known once validation fetched its schema). */
  docsUrl?: string;
}

export interface PrepareOptions {
  registry?: RegistryV1 | undefined;
  /** The schema key the caller typed against (e.g. `sdxl`), when the runtime knows it. */
  schemaKey?: string | undefined;
  /** `run()` defaults to async delivery; utility calls send none (the server's sync). */
  defaultDelivery?: 'async' | 'sync' | undefined;
}

/**
 * Fills in what the API needs: taskType (explicit > the model in the registry > a schema key >
 * error), the model as an AIR (slugs rewritten), a taskUUID, and the delivery method.
 */
export async function prepareTask(
  params: Record<string, unknown>,
  options: PrepareOptions,
): Promise<PreparedTask> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw createRunwareError(
      'invalidParams',
      'run() takes an object of task parameters (or an array of them).',
      { parameter: 'params' },
    );
  }
  const payload: Record<string, unknown> = { ...params };
  const model = typeof params.model === 'string' ? params.model : undefined;
  const info = model && options.registry ? await options.registry.lookup(model) : undefined;
  if (model && info && !looksLikeAir(model)) payload.model = info.air;

  let taskType = typeof params.taskType === 'string' && params.taskType !== '' ? params.taskType : undefined;
  taskType ??= info?.taskType;
  if (!taskType && options.schemaKey && options.registry)
    taskType = await options.registry.taskTypeOfKey(options.schemaKey);
  if (!taskType) {
    const what = model ? `model '${model}'` : 'a task without a model';
    throw createRunwareError(
      'unknownModel',
      `Cannot tell which taskType runs ${what}. Pass taskType explicitly (e.g. taskType: 'imageInference') for community and fine-tuned models, or refresh the registry (client.refreshRegistry()) for a model launched after this SDK.`,
      { parameter: model ? 'model' : 'taskType' },
    );
  }
  payload.taskType = taskType;
  if (payload.taskUUID === undefined) payload.taskUUID = newTaskUUID();
  else if (typeof payload.taskUUID !== 'string' || payload.taskUUID === '') {
    throw createRunwareError('invalidTaskUUID', 'taskUUID must be a UUID string when given.', {
      parameter: 'taskUUID',
      taskType,
    });
  }
  if (payload.deliveryMethod === undefined && options.defaultDelivery)
    payload.deliveryMethod = options.defaultDelivery;
  return { payload: payload as TaskPayload, ...(info?.slug ? { modelSlug: info.slug } : {}) };
}
