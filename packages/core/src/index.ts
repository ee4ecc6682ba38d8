/**
 * `@runware/core`: the engine of the Runware SDK, its errors, config and logger, and the versioned
 * interfaces a transport, registry or validator implements. Edge-safe: no Node built-ins.
 */

export type {
  AirOfModel,
  ResultOfModel,
  ResultOfParams,
  RunResult,
  RunwareClient,
  TaskEnvelope,
  UntypedParams,
  UtilityParams,
  UtilityResult,
  WithModelOrTaskType,
} from './client/client-types';
export { type CreateRunwareClientOptions, createRunwareClient } from './client/create-runware-client';
export type { ApiErrorExtra } from './client/map-api-error';
export { parseSseLine, type TextStreamChunk } from './client/parse-sse-line';
export { defaultPolling, type PollingOptions } from './client/polling/polling-options';
export type { ItemState, RunOptions, SettledItem, StreamOptions } from './client/run-options';
export { createStaticRegistry, type StaticRegistryTables } from './client/static-registry';
export { newTaskUUID } from './client/task-uuid';
export type { TextStream, TextStreamResult, TextUsage } from './client/text-stream';
export type { EnvironmentVariables } from './config/ambient-env';
export { apiKeyEnvVar, defaultConfig } from './config/config-defaults';
export type {
  ConfigDefaults,
  FileAccess,
  OptionalKeys,
  ResolvedConfig,
  RetryStrategy,
  RunwareConfig,
  RunwareDependencies,
  TransportType,
} from './config/config-types';
export { resolveConfig } from './config/resolve-config';
export type {
  ContentClient,
  ContentFilter,
  ContentLogCategory,
  CreateContentClientOptions,
  ListModelsParams,
} from './content/content-client';
export type {
  ContentCapability,
  ContentCategory,
  ContentCollection,
  ContentCreator,
  ContentExample,
  ContentGuide,
  ContentModel,
  ContentModelStatus,
  ContentPage,
  ContentPricing,
  ContentPricingExample,
  ContentSort,
} from './content/content-types';
export { createContentClient } from './content/create-content-client';
export { classifyErrorCode } from './errors/classify-error';
export { type CreateErrorDetails, createRunwareError, documentationFor } from './errors/create-runware-error';
export {
  type ErrorCode,
  isRetryableCode,
  type RunwareErrorCode,
  runwareErrorCodes,
} from './errors/error-codes';
export { type ApiErrorContext, parseApiError } from './errors/parse-api-error';
export { toPublicError } from './errors/public-error';
export {
  isRunwareError,
  RunwareError,
  type RunwareErrorDetails,
  type ValidationIssue,
} from './errors/runware-error';
export { type CreateLoggerOptions, createLogger } from './logger/create-logger';
export {
  type CategoryMethods,
  type LogCategory,
  type LogEntry,
  type Logger,
  type LogSink,
  logCategories,
} from './logger/log-types';
export { redact } from './logger/redact';
export { silentLogger } from './logger/silent-logger';
export { bytesToBase64 } from './media/base64';
export { encodeMediaInputs } from './media/encode-media-inputs';
export { fileToDataURI } from './media/file-to-data-uri';
export { sniffMimeType } from './media/sniff-mime';
export type { ModelInfoV1, RegistryV1 } from './spec/registry-v1';
export type { RawApiError, ResultItem, TaskPayload } from './spec/task';
export type {
  SendOptionsV1,
  TransportCapabilitiesV1,
  TransportResultV1,
  TransportV1,
} from './spec/transport-v1';
export type { ValidationContextV1, ValidationOutcomeV1, ValidatorV1 } from './spec/validator-v1';
export { expectedItems } from './transport-kit/result-items';
