/// <reference lib="esnext.disposable" />
import type { ModelAIR, ModelResultMap, RunParams, SchemaKey, SchemaMap, UtilityMap } from '@runware/types';
import type { ContentClient } from '../content/content-client';
import type { ResultItem } from '../spec/task';
import type { RunOptions, StreamOptions } from './run-options';
import type { TextStream } from './text-stream';

/** The result item type of `run()` for params without a schema generic: by curated AIR, else loose. */
export type ResultOfParams<P> = P extends { model: infer M }
  ? M extends ModelAIR
    ? ModelResultMap[M]
    : ResultItem
  : ResultItem;

/** What a schema generic's params accept on top of the schema: the envelope the engine fills in. */
export interface TaskEnvelope {
  taskType?: string;
  taskUUID?: string;
}

/** Utility params, plus the optional taskUUID every task may carry. */
export type UtilityParams<K extends keyof UtilityMap> = UtilityMap[K]['params'] & { taskUUID?: string };

export interface RunwareClient {
  /** Runs several tasks in one request; resolves with one results array per task, in order. */
  run(params: readonly RunParams[], options?: RunOptions): Promise<ResultItem[][]>;
  /**
   * Runs one task and resolves with its result items (numberResults of them). The result type
   * follows the model for curated AIRs; `run<'sdxl'>()` types params and results from a schema key.
   */
  run<K extends SchemaKey = never, const P extends RunParams = RunParams>(
    params: [K] extends [never] ? P : SchemaMap[K]['params'] & TaskEnvelope,
    options?: RunOptions,
  ): Promise<([K] extends [never] ? ResultOfParams<P> : SchemaMap[K]['result'])[]>;
  /** The same as `run(array)`, named. */
  runBatch(params: readonly RunParams[], options?: RunOptions): Promise<ResultItem[][]>;
  /** Streams a textInference answer token by token (REST/SSE). */
  stream(params: RunParams, options?: StreamOptions): Promise<TextStream>;

  modelSearch(
    params: UtilityParams<'modelSearch'>,
    options?: RunOptions,
  ): Promise<UtilityMap['modelSearch']['result']>;
  /** Every status item the upload went through, the last one `ready` (or `failed`). */
  modelUpload(
    params: UtilityParams<'modelUpload'>,
    options?: RunOptions,
  ): Promise<UtilityMap['modelUpload']['result'][]>;
  imageUpload(
    params: UtilityParams<'imageUpload'>,
    options?: RunOptions,
  ): Promise<UtilityMap['imageUpload']['result']>;
  mediaStorage(
    params: UtilityParams<'mediaStorage'>,
    options?: RunOptions,
  ): Promise<UtilityMap['mediaStorage']['result']>;
  accountManagement(
    params: UtilityParams<'accountManagement'>,
    options?: RunOptions,
  ): Promise<UtilityMap['accountManagement']['result']>;
  /** Looks up a task you ran before in the archive: its original request and response. */
  getTaskDetails(
    params: { taskUUID: string },
    options?: RunOptions,
  ): Promise<UtilityMap['getTaskDetails']['result']>;
  /** The current state of an async task, one item per result (what run() polls internally). */
  getResponse(
    params: { taskUUID: string },
    options?: RunOptions,
  ): Promise<UtilityMap['getResponse']['result'][]>;

  /**
   * Runware's curated model catalog (the public content service at `contentBaseUrl`): plain HTTP
   * GETs, no API key, the same whatever the transport.
   */
  readonly content: ContentClient;

  /** Opens the connection ahead of the first task (WebSocket); a no-op over REST. */
  connect(): Promise<void>;
  /**
   * Closes the connection and rejects pending calls with code `connection`; the client stays
   * usable and the next call connects again.
   */
  disconnect(): Promise<void>;
  /** Reloads the model registry now; rejects when it cannot. */
  refreshRegistry(): Promise<void>;
  /** Stops polling, rejects pending calls with code `connection`, and closes the transports. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
