import type { TaskPayload } from './task';

export interface ValidationContextV1 {
  taskType: string;
  /** The AIR the task will run, when it has a model. */
  model?: string | undefined;
  /** A schema key the caller named (architecture, modality or operation), when known. */
  schemaKey?: string | undefined;
}

/** What a validator learned about the task's model while checking it. */
export interface ValidationOutcomeV1 {
  /** The model's docs base URL (from `/resolve`): the service's errors about it link there. */
  documentation?: string | undefined;
}

/**
 * A client-side validator, version 1. `validate` resolves when the task is valid (or cannot be
 * checked: the server stays the source of truth), optionally with what it learned of the model,
 * and rejects with a RunwareError of code `validation` naming the parameter when it is not.
 */
export interface ValidatorV1 {
  readonly specificationVersion: 'v1';
  // biome-ignore lint/suspicious/noConfusingVoidType: validators written for Promise<void> still fit
  validate(task: TaskPayload, context: ValidationContextV1): Promise<ValidationOutcomeV1 | undefined | void>;
  /** Forgets cached schemas. */
  clearCache(): void;
}
