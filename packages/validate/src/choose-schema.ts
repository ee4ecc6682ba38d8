import type { ValidationContextV1 } from '@runware/core';
import type { LoadValidator } from './generated/index';

/** The precompiled validators (`src/generated/`), keyed like the bundled request schemas. */
export interface PrecompiledValidators {
  /** Schema key (architecture, modality, operation) → its validator module. */
  requestValidators: Readonly<Record<string, LoadValidator>>;
  /** Utility task type → its validator module. */
  utilityValidators: Readonly<Record<string, LoadValidator>>;
}

/** Curated model AIR → its task type and slug (`models` of `@runware/types`). */
export type CuratedModels = Readonly<Record<string, { readonly taskType: string; readonly slug: string }>>;

export type SchemaChoice =
  | {
      kind: 'bundled';
      /** Cache key of the loaded validator. */
      key: string;
      /** Imports the precompiled validator (its own chunk). */
      load: LoadValidator;
      /** Utility schemas are closed and do not list the envelope (`taskType`, `taskUUID`). */
      stripEnvelope: boolean;
      modelSlug?: string | undefined;
    }
  | { kind: 'remote'; key: string; model: string }
  | { kind: 'none'; reason: string };

export interface ChooseSchemaTables {
  bundled: PrecompiledValidators;
  models: CuratedModels;
  /** Task type → the key of its general schema. */
  taskTypeSchemaKeys: Readonly<Record<string, string>>;
}

const own = (record: object, key: string) => Object.hasOwn(record, key);

/**
 * Picks the schema a task is checked against: a named schema key, a utility's schema, a curated
 * model's task-type schema (all offline, precompiled), or the schemas service for any other model.
 */
export function chooseSchema(context: ValidationContextV1, tables: ChooseSchemaTables): SchemaChoice {
  const { bundled, models, taskTypeSchemaKeys } = tables;
  const { taskType, model, schemaKey } = context;
  const curated = model !== undefined && own(models, model) ? models[model] : undefined;
  const modelSlug = curated?.slug;

  if (schemaKey !== undefined && own(bundled.requestValidators, schemaKey)) {
    const load = bundled.requestValidators[schemaKey];
    if (load) return { kind: 'bundled', key: `schema:${schemaKey}`, load, stripEnvelope: false, modelSlug };
  }
  if (own(bundled.utilityValidators, taskType)) {
    const load = bundled.utilityValidators[taskType];
    if (load) return { kind: 'bundled', key: `utility:${taskType}`, load, stripEnvelope: true };
  }
  if (curated) {
    // The model's own task type decides: a mismatch with `taskType` is the server's error to name.
    const key = own(taskTypeSchemaKeys, curated.taskType) ? taskTypeSchemaKeys[curated.taskType] : undefined;
    const load =
      key !== undefined && own(bundled.requestValidators, key) ? bundled.requestValidators[key] : undefined;
    if (key !== undefined && load)
      return { kind: 'bundled', key: `schema:${key}`, load, stripEnvelope: false, modelSlug };
    return { kind: 'none', reason: `no bundled schema for task type ${curated.taskType}` };
  }
  if (model !== undefined && model !== '') return { kind: 'remote', key: `model:${model}`, model };
  return { kind: 'none', reason: `no schema applies to ${taskType} without a model` };
}
