import type { ValidationContextV1 } from '@runware/core';
import type { JsonSchema } from '@runware/types/schemas';
import type { BundledSchemas } from './load-bundled-schemas';

/** Curated model AIR → its task type and slug (`models` of `@runware/types`). */
export type CuratedModels = Readonly<Record<string, { readonly taskType: string; readonly slug: string }>>;

export type SchemaChoice =
  | {
      kind: 'bundled';
      /** Cache key of the compiled validator. */
      key: string;
      schema: JsonSchema;
      /** Utility schemas are closed and do not list the envelope (`taskType`, `taskUUID`). */
      stripEnvelope: boolean;
      modelSlug?: string | undefined;
    }
  | { kind: 'remote'; key: string; model: string }
  | { kind: 'none'; reason: string };

export interface ChooseSchemaTables {
  bundled: BundledSchemas;
  models: CuratedModels;
  /** Task type → the key of its general schema. */
  taskTypeSchemaKeys: Readonly<Record<string, string>>;
}

const own = (record: object, key: string) => Object.hasOwn(record, key);

/**
 * Picks the schema a task is checked against: a named schema key, a utility's schema, a curated
 * model's task-type schema (all offline), or the schemas service for any other model.
 */
export function chooseSchema(context: ValidationContextV1, tables: ChooseSchemaTables): SchemaChoice {
  const { bundled, models, taskTypeSchemaKeys } = tables;
  const { taskType, model, schemaKey } = context;
  const curated = model !== undefined && own(models, model) ? models[model] : undefined;
  const modelSlug = curated?.slug;

  if (schemaKey !== undefined && own(bundled.requestSchemas, schemaKey)) {
    const schema = bundled.requestSchemas[schemaKey];
    if (schema)
      return { kind: 'bundled', key: `schema:${schemaKey}`, schema, stripEnvelope: false, modelSlug };
  }
  if (own(bundled.utilityRequestSchemas, taskType)) {
    const schema = bundled.utilityRequestSchemas[taskType];
    if (schema) return { kind: 'bundled', key: `utility:${taskType}`, schema, stripEnvelope: true };
  }
  if (curated) {
    // The model's own task type decides: a mismatch with `taskType` is the server's error to name.
    const key = own(taskTypeSchemaKeys, curated.taskType) ? taskTypeSchemaKeys[curated.taskType] : undefined;
    const schema =
      key !== undefined && own(bundled.requestSchemas, key) ? bundled.requestSchemas[key] : undefined;
    if (key !== undefined && schema)
      return { kind: 'bundled', key: `schema:${key}`, schema, stripEnvelope: false, modelSlug };
    return { kind: 'none', reason: `no bundled schema for task type ${curated.taskType}` };
  }
  if (model !== undefined && model !== '') return { kind: 'remote', key: `model:${model}`, model };
  return { kind: 'none', reason: `no schema applies to ${taskType} without a model` };
}
