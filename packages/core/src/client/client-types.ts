/// <reference lib="esnext.disposable" />
import type {
  ModelAIR,
  ModelId,
  ModelResultMap,
  ModelSlugMap,
  RunParams,
  SchemaKey,
  SchemaMap,
  UtilityMap,
} from '@runware/types';
import type { ContentClient } from '../content/content-client';
import type { ResultItem } from '../spec/task';
import type { RunOptions, StreamOptions } from './run-options';
import type { TextStream } from './text-stream';

/** The AIR of a curated model given by AIR or slug (each member of a union on its own). */
export type AirOfModel<M extends ModelId> = M extends keyof ModelSlugMap ? ModelSlugMap[M] : M;

/** The type of one result item of a model: by curated AIR or slug, else the loose `ResultItem`. */
export type ResultOfModel<M> = [M] extends [ModelId]
  ? ModelResultMap[Extract<AirOfModel<M>, ModelAIR>]
  : ResultItem;

/** The result item type of `run()` for params without a schema generic: by curated AIR or slug, else loose. */
export type ResultOfParams<P> = P extends { model: infer M } ? ResultOfModel<M> : ResultItem;

/** The result item type of a single-task `run()`: the schema key's when given, else by the params. */
export type RunResult<K extends SchemaKey, P> = [K] extends [never]
  ? ResultOfParams<P>
  : SchemaMap[K]['result'];

/** What a schema generic's params accept on top of the schema: the envelope the engine fills in. */
export interface TaskEnvelope {
  /** Inferred from the model (or the schema key) when left out. */
  taskType?: string;
  /** Client-chosen UUID v4 of the task; generated for you when left out. */
  taskUUID?: string;
}

/** Utility params, plus the optional taskUUID every task may carry. */
export type UtilityParams<K extends keyof UtilityMap> = UtilityMap[K]['params'] & { taskUUID?: string };

/** One result item of a utility. */
export type UtilityResult<K extends keyof UtilityMap> = UtilityMap[K]['result'];

/**
 * Params `run()` and `stream()` take untyped (the official SDK's fallback): any object, e.g. built
 * in a variable with widened fields (`taskType: string`). `model`, when given, is still a string, so
 * editors keep offering the curated AIRs and slugs.
 */
export type UntypedParams = Record<string, unknown> & { model?: RunParams['model'] | undefined };

/** `P`, required to name a `model` or a `taskType` when it is an object literal. */
export type WithModelOrTaskType<P> = P &
  (string extends keyof P
    ? unknown
    : 'model' extends keyof P
      ? unknown
      : 'taskType' extends keyof P
        ? unknown
        : { model: string });

/** A Runware client from `createClient()`: `run()` for any task, `stream()` for text, and utilities. */
export interface RunwareClient {
  /**
   * Runs one task and resolves with its result items (`numberResults` of them).
   *
   * `model` is an AIR (`source:id@version`) or a curated slug; for the curated models (completed by
   * your editor) the result type follows the model. `run<'sdxl'>({...})` types the params and
   * results from a schema key instead.
   *
   * @example
   * const [image] = await client.run({ model: 'runware:400@1', positivePrompt: 'a red fox' });
   * console.log(image?.imageURL);
   */
  run<K extends SchemaKey = never, const P extends RunParams = RunParams>(
    params: [K] extends [never] ? P : SchemaMap[K]['params'] & TaskEnvelope,
    options?: RunOptions<RunResult<K, P>>,
  ): Promise<RunResult<K, P>[]>;
  /** Runs several tasks in one request; resolves with one results array per task, in order. */
  run(params: readonly RunParams[], options?: RunOptions): Promise<ResultItem[][]>;
  /**
   * Runs one task from untyped params (e.g. built in a variable, `taskType: string`): the same call,
   * checked by the API (or `validate`) instead of the compiler; resolves with loose result items.
   */
  run<const P extends UntypedParams>(
    params: WithModelOrTaskType<P>,
    options?: RunOptions,
  ): Promise<ResultItem[]>;
  /** The same as `run(array)`, named: one request, one results array per task, in order. */
  runBatch(params: readonly RunParams[], options?: RunOptions): Promise<ResultItem[][]>;
  /**
   * Streams a textInference answer token by token (REST/SSE, whatever the client's transport).
   *
   * @example
   * const stream = await client.stream({ model: 'google:gemma@4-31b', messages: [{ role: 'user', content: 'Hi' }] });
   * for await (const text of stream.textStream) process.stdout.write(text);
   */
  stream(params: RunParams, options?: StreamOptions): Promise<TextStream>;
  /** Streams a textInference answer from untyped params (e.g. built in a variable). */
  stream(params: UntypedParams, options?: StreamOptions): Promise<TextStream>;

  /**
   * Searches the model catalog (curated, community and your own uploads); resolves with one item
   * whose `results` are the models found.
   *
   * @example
   * const [response] = await client.modelSearch({ search: 'sdxl', limit: 5 });
   * response?.results.map((model) => model.air);
   */
  modelSearch(
    params: UtilityParams<'modelSearch'>,
    options?: RunOptions<UtilityResult<'modelSearch'>>,
  ): Promise<UtilityResult<'modelSearch'>[]>;
  /**
   * Uploads a model (checkpoint, LoRA, …) to your organization; resolves with every status item
   * the upload went through, the last one `ready` (or `failed`).
   */
  modelUpload(
    params: UtilityParams<'modelUpload'>,
    options?: RunOptions<UtilityResult<'modelUpload'>>,
  ): Promise<UtilityResult<'modelUpload'>[]>;
  /**
   * Uploads an image (URL, data URI, base64 or, in Node, a file path) for use as a task input;
   * resolves with one item holding its `imageUUID`.
   *
   * @deprecated Use `mediaStorage({ operation: 'upload', media })`, which takes any media type.
   */
  imageUpload(
    params: UtilityParams<'imageUpload'>,
    options?: RunOptions<UtilityResult<'imageUpload'>>,
  ): Promise<UtilityResult<'imageUpload'>[]>;
  /**
   * Uploads (`operation: 'upload'`) or deletes (`'delete'`) media held by Runware for use as task
   * inputs; an upload resolves with one item holding its `mediaUUID`.
   *
   * @example
   * const [uploaded] = await client.mediaStorage({ operation: 'upload', media: 'https://example.com/a.jpg' });
   */
  mediaStorage(
    params: UtilityParams<'mediaStorage'>,
    options?: RunOptions<UtilityResult<'mediaStorage'>>,
  ): Promise<UtilityResult<'mediaStorage'>[]>;
  /**
   * Your account: details, balance, team and API keys (`operation: 'getDetails'`) or usage
   * (`'getUsageActivity'`, `'getUsagePerformance'`, `'getUsageErrors'`); resolves with one item.
   */
  accountManagement(
    params: UtilityParams<'accountManagement'>,
    options?: RunOptions<UtilityResult<'accountManagement'>>,
  ): Promise<UtilityResult<'accountManagement'>[]>;
  /**
   * Looks up a task you ran before in the archive; resolves with one item holding its original
   * `request` and `response`.
   */
  getTaskDetails(
    params: UtilityParams<'getTaskDetails'> & { taskUUID: string },
    options?: RunOptions<UtilityResult<'getTaskDetails'>>,
  ): Promise<UtilityResult<'getTaskDetails'>[]>;
  /**
   * The current state of an async task (what `run()` polls for you): one item per result, each
   * `processing`, `success` or `error`.
   */
  getResponse(
    params: UtilityParams<'getResponse'> & { taskUUID: string },
    options?: RunOptions<UtilityResult<'getResponse'>>,
  ): Promise<UtilityResult<'getResponse'>[]>;

  /**
   * Runware's curated model catalog (the public content service at `contentBaseUrl`): plain HTTP
   * GETs, no API key, the same whatever the transport.
   */
  readonly content: ContentClient;

  /** Opens the connection ahead of the first task (WebSocket); a no-op over REST. */
  connect(): Promise<void>;
  /**
   * Whether the client's WebSocket connection is open and ready now (`connect()` opens it). Over
   * REST, which holds no connection, true while the client is open; false once it is closed.
   */
  isConnected(): boolean;
  /**
   * Closes the connection and rejects pending calls with code `connection`; the client stays
   * usable and the next call connects again.
   */
  disconnect(): Promise<void>;
  /** Reloads the model registry now; rejects when it cannot. */
  refreshRegistry(): Promise<void>;
  /** Stops polling, rejects pending calls with code `connection`, and closes the transports. */
  close(): Promise<void>;
  /** The same as `close()`, for `await using client = await createClient()`. */
  [Symbol.asyncDispose](): Promise<void>;
}
