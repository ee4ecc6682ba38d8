// Every type name of the official surface, imported the way users import them, plus the type-level
// facts users rely on. Type-checked only (tsc under nodenext and bundler); nothing runs here.
import type {
  AccountManagementParams,
  AccountManagementResult,
  ApiError,
  ArchitectureMetadata,
  AudioInferenceResult,
  Capability,
  CaptionResult,
  CollectionMetadata,
  CollectionWithModels,
  ContentClient,
  ControlNetPreprocessResult,
  Creator,
  CreatorWithModels,
  ErrorCode,
  ExampleMetadata,
  GetModelExamplesOptions,
  GetResponseParams,
  GetResponseResult,
  GetTaskDetailsParams,
  GetTaskDetailsResult,
  GuideMetadata,
  ImageInferenceParams,
  ImageInferenceResult,
  ImageMaskingResult,
  ImageUploadParams,
  ImageUploadResult,
  ListCollectionsOptions,
  ListModelsOptions,
  LogEntry,
  Logger,
  LogSink,
  MaskingParams,
  MediaStorageParams,
  MediaStorageResult,
  ModelAIR,
  ModelMetadata,
  ModelResultMap,
  ModelSearchParams,
  ModelSearchResult,
  ModelUploadParams,
  ModelUploadResult,
  PaginatedResponse,
  PricingExample,
  PricingModelListItem,
  PromptEnhanceResult,
  Registry,
  RegistryData,
  RegistryFallback,
  RegistryOptions,
  RemoveBackgroundResult,
  RestTransport,
  RetryStrategy,
  RunOptions,
  RunParams,
  RuntimeDependencies,
  RunwareClient,
  SchemaKey,
  SchemaMap,
  SDKConfig,
  StreamOptions,
  TaskPayload,
  TextInferenceResult,
  TextStream,
  TextStreamChunk,
  TextStreamResult,
  ThreeDInferenceResult,
  TrainingResult,
  Transport,
  TransportType,
  UpscaleResult,
  UtilityKey,
  UtilityMap,
  VectorizeResult,
  VideoInferenceResult,
  WebSocketTransport,
} from '@runware/sdk';

/** Every name above, used, so a missing export is an error here. */
export type EveryOfficialTypeName = [
  RunwareClient,
  SchemaKey,
  SchemaMap,
  ModelResultMap,
  ModelAIR,
  UtilityKey,
  UtilityMap,
  RunParams,
  ApiError,
  ImageInferenceResult,
  VideoInferenceResult,
  AudioInferenceResult,
  TextInferenceResult,
  ThreeDInferenceResult,
  CaptionResult,
  ControlNetPreprocessResult,
  ImageMaskingResult,
  PromptEnhanceResult,
  RemoveBackgroundResult,
  TrainingResult,
  UpscaleResult,
  VectorizeResult,
  ModelSearchParams,
  ModelSearchResult,
  ImageUploadParams,
  ImageUploadResult,
  MediaStorageParams,
  MediaStorageResult,
  ModelUploadParams,
  ModelUploadResult,
  AccountManagementParams,
  AccountManagementResult,
  GetResponseParams,
  GetResponseResult,
  GetTaskDetailsParams,
  GetTaskDetailsResult,
  ImageInferenceParams,
  MaskingParams,
  TextStream,
  TextStreamResult,
  TextStreamChunk,
  ErrorCode,
  Logger,
  LogSink,
  LogEntry,
  Registry,
  RegistryData,
  RegistryOptions,
  RegistryFallback,
  SDKConfig,
  TransportType,
  RetryStrategy,
  RuntimeDependencies,
  RunOptions,
  StreamOptions,
  TaskPayload,
  Transport,
  WebSocketTransport,
  RestTransport,
  ContentClient,
  ModelMetadata,
  ArchitectureMetadata,
  Creator,
  Capability,
  CollectionMetadata,
  CollectionWithModels,
  CreatorWithModels,
  ExampleMetadata,
  PricingExample,
  PricingModelListItem,
  GuideMetadata,
  PaginatedResponse<ModelMetadata>,
  ListModelsOptions,
  ListCollectionsOptions,
  GetModelExamplesOptions,
];

// The type-level facts of the sheet and the seed.
export const curated: ModelAIR = 'runware:400@1';
export const transport: TransportType = 'websocket';
export const strategy: RetryStrategy = 'linear';
export const codes: ErrorCode[] = [
  'validation',
  'auth',
  'quota',
  'rateLimit',
  'safety',
  'provider',
  'timeout',
  'notFound',
  'serverError',
  'connection',
  'aborted',
  'unknown',
];
export type SdxlParams = SchemaMap['sdxl']['params'];
export type SdxlResult = SchemaMap['sdxl']['result'];
export const timestampOf = (entry: LogEntry): string => entry.timestamp;
export const reasoningOf = (result: TextStreamResult): string | undefined => result.reasoningContent;
export const mediaUUIDOf = (result: MediaStorageResult): string => result.mediaUUID;
export const resultsOf = (result: ModelSearchResult) => result.results;

declare const client: RunwareClient;
export async function callShapes(): Promise<void> {
  // A curated AIR literal: the result type follows the model.
  const images = await client.run({ model: 'runware:400@1', positivePrompt: 'x' });
  const image: ImageInferenceResult = images[0];
  const texts = await client.run({
    model: 'google:gemma@4-31b',
    messages: [{ role: 'user', content: 'hi' }],
  });
  const text: TextInferenceResult = texts[0];
  // The schema generic.
  const sdxl: ImageInferenceResult[] = await client.run<'sdxl'>({
    model: 'civitai:133005@782002',
    positivePrompt: 'x',
    width: 1024,
    height: 1024,
  });
  // The untyped fallback.
  const taskType: string = 'imageInference';
  const anyModel: string = 'someone:1@1';
  const loose: Record<string, unknown>[] = await client.run({
    taskType,
    model: anyModel,
    positivePrompt: 'x',
  });
  const built: Record<string, unknown> = { taskType, model: anyModel };
  const fromVariable: Record<string, unknown>[] = await client.run(built);
  // Utilities resolve arrays.
  const [search] = await client.modelSearch({ search: 'x' });
  const found: ModelSearchResult = search;
  const uploaded: MediaStorageResult[] = await client.mediaStorage({
    operation: 'upload',
    media: 'data:...',
  });
  const legacy: ImageUploadResult[] = await client.imageUpload({ image: 'data:...' });
  const account: AccountManagementResult[] = await client.accountManagement({ operation: 'getDetails' });
  const details: GetTaskDetailsResult[] = await client.getTaskDetails({ taskUUID: 'x' });
  const response: GetResponseResult[] = await client.getResponse({ taskUUID: 'x' });
  const stream: TextStream = await client.stream({ model: 'google:gemma@4-31b', messages: [] });
  const connected: boolean = client.isConnected();
  const content: ContentClient = client.content;
  void [image, text, sdxl, loose, fromVariable, found, uploaded, legacy, account, details, response, stream];
  void [connected, content];
}
