import type { TaskPayload } from './task';

export interface ValidationContextV1 {
  taskType: string;
  /** The AIR the task will run, when it has a model. */
  model?: string | undefined;
  /** A schema key the caller named (architecture, modality or operation), when known. */
  schemaKey?: string | undefined;
}

/**
 * A client-side validator, version 1. `validate` resolves when the task is valid (or cannot be
 * checked: the server stays the source of truth) and rejects with a RunwareError of code
 * `validation` naming the parameter when it is not.
 */
export interface ValidatorV1 {
  readonly specificationVersion: 'v1';
  validate(task: TaskPayload, context: ValidationContextV1): Promise<void>;
  /** Forgets cached schemas. */
  clearCache(): void;
}
