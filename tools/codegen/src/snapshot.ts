import type { JSONSchema } from 'json-schema-to-typescript';

/** The sections of the snapshot whose entries each carry a request and a response schema. */
export const schemaSections = ['architectures', 'modalities', 'operations', 'utilities'] as const;
export type SchemaSection = (typeof schemaSections)[number];

export interface SchemaEntry {
  taskType: string;
  requestSchema: JSONSchema;
  responseSchema: JSONSchema;
}

export interface ModelListing {
  taskType: string;
  slug: string;
  /** Name of the generated result type of this model's task type, e.g. `ImageInferenceResult`. */
  resultType: string;
}

/** The Runware API snapshot: the codegen input (see packages/types/schemas). */
export interface Snapshot {
  about?: string;
  snapshotVersion: string;
  architectures: Record<string, SchemaEntry>;
  modalities: Record<string, SchemaEntry>;
  operations: Record<string, SchemaEntry>;
  utilities: Record<string, SchemaEntry>;
  models: Record<string, ModelListing>;
  apiError: JSONSchema;
}

/** Curated AIRs: `<source>:<id>@<version>`, segments without `:` or `@` (PROTOCOL.md §10). */
const airPattern = /^[A-Za-z0-9.-]+:[A-Za-z0-9.-]+@[A-Za-z0-9.-]+$/;

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the structure of a snapshot before anything is generated from it, so a snapshot fetched
 * from elsewhere fails with the offending path named instead of producing broken types.
 */
export function assertSnapshot(value: unknown): asserts value is Snapshot {
  const problems: string[] = [];
  if (!isObject(value)) throw new SnapshotError('snapshot: expected a JSON object at the top level');

  if (typeof value.snapshotVersion !== 'string' || value.snapshotVersion === '') {
    problems.push('snapshotVersion: expected a non-empty string');
  }
  for (const section of schemaSections) {
    const entries = value[section];
    if (!isObject(entries)) {
      problems.push(`${section}: expected an object keyed by name`);
      continue;
    }
    for (const [key, entry] of Object.entries(entries)) {
      const where = `${section}.${key}`;
      if (!isObject(entry)) {
        problems.push(`${where}: expected an object`);
        continue;
      }
      if (typeof entry.taskType !== 'string' || entry.taskType === '') {
        problems.push(`${where}.taskType: expected a non-empty string`);
      }
      for (const field of ['requestSchema', 'responseSchema'] as const) {
        if (!isObject(entry[field])) problems.push(`${where}.${field}: expected a JSON Schema object`);
      }
    }
  }
  if (!isObject(value.models)) {
    problems.push('models: expected an object keyed by AIR');
  } else {
    for (const [air, model] of Object.entries(value.models)) {
      const where = `models["${air}"]`;
      if (!airPattern.test(air)) problems.push(`${where}: not an AIR of the form source:id@version`);
      if (!isObject(model)) {
        problems.push(`${where}: expected an object`);
        continue;
      }
      for (const field of ['taskType', 'slug', 'resultType'] as const) {
        if (typeof model[field] !== 'string' || model[field] === '') {
          problems.push(`${where}.${field}: expected a non-empty string`);
        }
      }
    }
  }
  if (!isObject(value.apiError)) problems.push('apiError: expected a JSON Schema object');

  if (problems.length > 0) {
    throw new SnapshotError(`snapshot is malformed:\n  - ${problems.join('\n  - ')}`);
  }
}
