import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import { type ApiErrorItem, apiError } from '../api-error';
import { type SnapshotData, schemaEntry } from '../snapshot-data';
import type { ModelRecord, ModelRegistry } from '../state/model-registry';
import { checkParameterLimits } from './parameter-limits';

/** Fields of the request envelope that the utility schemas (which are closed) do not list. */
const envelopeFields = new Set(['taskType', 'taskUUID']);

export interface ValidatedTask {
  taskType: string;
  model?: ModelRecord;
}

export interface RequestValidator {
  /** Checks one inference/processing/utility task; returns the API error for the first problem. */
  validate(task: Record<string, unknown>, taskUUID: string | undefined): ApiErrorItem | ValidatedTask;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `/lora/0/model` → `lora.0.model`, the dotted form clients read `parameter` in. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function leafName(path: string): string {
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  return named[named.length - 1] ?? 'parameter';
}

function toApiError(error: ErrorObject, taskType: string, taskUUID: string | undefined): ApiErrorItem {
  const base = dotted(error.instancePath);
  const context = { taskType, taskUUID };
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const parameter = base ? `${base}.${String(params.missingProperty)}` : String(params.missingProperty);
    return apiError(
      `missing${upperFirst(leafName(parameter))}`,
      `Missing required parameter '${parameter}'.`,
      {
        ...context,
        parameter,
      },
    );
  }
  if (error.keyword === 'additionalProperties') {
    const parameter = base
      ? `${base}.${String(params.additionalProperty)}`
      : String(params.additionalProperty);
    return apiError('unknownParameter', `Unknown parameter '${parameter}' for ${taskType}.`, {
      ...context,
      parameter,
    });
  }
  const parameter = base || 'request';
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]) ?? [];
    return apiError(
      `invalid${upperFirst(leafName(parameter))}`,
      `Invalid value for '${parameter}': must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}.`,
      { ...context, parameter, allowedValues: allowed },
    );
  }
  if (error.keyword === 'const') {
    const allowed = [params.allowedValue];
    return apiError(
      `invalid${upperFirst(leafName(parameter))}`,
      `Invalid value for '${parameter}': must be ${JSON.stringify(params.allowedValue)}.`,
      { ...context, parameter, allowedValues: allowed },
    );
  }
  return apiError(
    `invalid${upperFirst(leafName(parameter))}`,
    `Invalid value for '${parameter}': ${error.message ?? 'not allowed'}.`,
    {
      ...context,
      parameter,
    },
  );
}

/** The most useful of ajv's errors: a concrete one before the anyOf/oneOf summary that wraps it. */
function firstError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  return (
    errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if') ?? errors[0]
  );
}

export function createRequestValidator(data: SnapshotData, registry: ModelRegistry): RequestValidator {
  // JSON Schema 2019-09 as the snapshot says; all errors, so the most useful one can be picked.
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string) => {
    let fn = compiled.get(key);
    const entry = schemaEntry(data, key);
    if (!fn && entry) {
      fn = ajv.compile(entry.requestSchema);
      compiled.set(key, fn);
    }
    return fn;
  };
  const utilityKeys = new Set(Object.keys(data.utilities));
  const taskTypes = new Set(
    [data.architectures, data.modalities, data.operations, data.utilities].flatMap((section) =>
      Object.values(section).map((entry) => entry.taskType),
    ),
  );

  return {
    validate(task, taskUUID) {
      const taskType = task.taskType as string;
      const context = { taskType, taskUUID };
      if (!taskTypes.has(taskType)) {
        return apiError('unsupportedTaskType', `Unknown taskType '${taskType}'.`, {
          ...context,
          parameter: 'taskType',
        });
      }
      let model: ModelRecord | undefined;
      let key: string | undefined = utilityKeys.has(taskType) ? taskType : undefined;
      if (!key) {
        if (typeof task.model !== 'string' || task.model === '') {
          return apiError('missingModel', "Missing required parameter 'model'.", {
            ...context,
            parameter: 'model',
          });
        }
        model = registry.get(task.model);
        if (!model) {
          return apiError(
            'modelNotFound',
            `Model '${task.model}' does not exist. Models are identified by AIR (source:id@version).`,
            {
              ...context,
              parameter: 'model',
            },
          );
        }
        if (model.taskType !== taskType) {
          return apiError(
            'invalidTaskType',
            `Model '${model.air}' runs with taskType '${model.taskType}', not '${taskType}'.`,
            {
              ...context,
              parameter: 'taskType',
              allowedValues: [model.taskType],
            },
          );
        }
        key = registry.schemaKeyFor(model);
      }
      const params = Object.fromEntries(Object.entries(task).filter(([name]) => !envelopeFields.has(name)));
      // The live limits first: for these values the API answers its specific code, which a schema
      // error about another parameter of the same request must not hide.
      const limitError = checkParameterLimits(
        params,
        key ? schemaEntry(data, key)?.requestSchema : undefined,
        {
          taskType,
          taskUUID,
        },
      );
      if (limitError) return limitError;
      const validate = key ? validatorFor(key) : undefined;
      if (!validate) return { taskType, ...(model ? { model } : {}) };
      if (validate(params)) return { taskType, ...(model ? { model } : {}) };
      const error = firstError(validate.errors ?? []);
      return error
        ? toApiError(error, taskType, taskUUID)
        : apiError('validationFailed', 'Invalid request.', context);
    },
  };
}
