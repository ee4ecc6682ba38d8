/**
 * Type names of the official Runware SDK 1.6, for code written against it: each is one of ours
 * under the official name (see README, "Coming from the official SDK"). Types only: no runtime cost.
 */
import type {
  ContentCapability,
  ContentClient,
  ContentCollection,
  ContentCreator,
  ContentExample,
  ContentGuide,
  ContentModel,
  ContentPage,
  ContentPricing,
  ContentPricingExample,
  ListModelsParams,
  RunwareDependencies,
  StaticRegistryTables,
  TransportV1,
} from '@runware/core';
import type { UtilityMap } from '@runware/types';
import type { ClientOptions } from './create-client';

/** The config of `createClient` (ours: `ClientOptions`). */
export type SDKConfig = ClientOptions;
/** `dependencies` of the config: `fetch`, `WebSocket` (and ours, `files`). */
export type RuntimeDependencies = RunwareDependencies;
/** A transport: what carries tasks (ours: `TransportV1`, which you can implement). */
export type Transport = TransportV1;
/** The REST transport `createRestTransport` returns. */
export type RestTransport = TransportV1;
/** The name of a utility task (`modelSearch`, `mediaStorage`…). */
export type UtilityKey = keyof UtilityMap;

/** `registry.json` as the schemas service serves it (PROTOCOL.md §10). */
export interface RegistryData {
  version: string;
  /** AIR → its taskType and curated slug (`id`). */
  models: Record<string, { taskType: string; id?: string }>;
  architectureTaskTypes?: Record<string, string>;
  modalityTaskTypes?: Record<string, string>;
  operationTaskTypes?: Record<string, string>;
}
/** The offline list a registry falls back on (ours: `StaticRegistryTables`). */
export type RegistryFallback = StaticRegistryTables;

/** A curated model of the content service (ours: `ContentModel`). */
export type ModelMetadata = ContentModel;
/**
 * An architecture as the catalog names it. The content service gives a model's architecture as an
 * id (`ContentModel.architecture`); this is that id with an optional label.
 */
export interface ArchitectureMetadata {
  id: string;
  name?: string;
}
/** A model creator (ours: `ContentCreator`, with its models). */
export type Creator = ContentCreator;
/** A creator with its curated models inlined. */
export type CreatorWithModels = ContentCreator;
/** One capability of the taxonomy (ours: `ContentCapability`). */
export type Capability = ContentCapability;
/** A collection (ours: `ContentCollection`, which always inlines its models). */
export type CollectionMetadata = ContentCollection;
/** A collection with its models inlined. */
export type CollectionWithModels = ContentCollection;
/** A sample request and response of a model (ours: `ContentExample`). */
export type ExampleMetadata = ContentExample;
/** One priced configuration of a model (ours: `ContentPricingExample`). */
export type PricingExample = ContentPricingExample;
/** A model's pricing summary (ours: `ContentPricing`). */
export type PricingModelListItem = ContentPricing;
/** A guide about a model (ours: `ContentGuide`). */
export type GuideMetadata = ContentGuide;
/** One page of a paginated list (ours: `ContentPage`). */
export type PaginatedResponse<T> = ContentPage<T>;
/** Filters of `content.listModels` (ours: `ListModelsParams`). */
export type ListModelsOptions = ListModelsParams;
/** Filters of `content.listCollections`. */
export type ListCollectionsOptions = NonNullable<Parameters<ContentClient['listCollections']>[0]>;
/** Filters of `content.getModelExamples`. */
export type GetModelExamplesOptions = NonNullable<Parameters<ContentClient['getModelExamples']>[1]>;
