/** A model as a registry knows it. */
export interface ModelInfoV1 {
  /** The canonical AIR (`source:id@version`). */
  air: string;
  taskType: string;
  /** The curated slug, when there is one. */
  slug?: string;
}

/**
 * A model registry, version 1: turns what users write as `model` (an AIR or a curated slug) into
 * the AIR the API understands and the task type that runs it.
 */
export interface RegistryV1 {
  readonly specificationVersion: 'v1';
  /** Looks a model up by AIR or slug; undefined when unknown (the caller then needs a taskType). */
  lookup(model: string): Promise<ModelInfoV1 | undefined>;
  /** The task type of an architecture, modality or operation key (`sdxl`, `image`, `upscale-image`). */
  taskTypeOfKey(key: string): Promise<string | undefined>;
  /** Reloads the model list now; rejects when it cannot (so a day-zero model is known to be missing). */
  refresh(): Promise<void>;
}
