/**
 * The content service (`https://content.runware.ai`): Runware's read-only curated model catalog,
 * derived deterministically from a models map. The HTTP server mounts `handleContentRequest` under
 * `/content`.
 */
export { buildCatalog, type Catalog, type CatalogEntry, type CatalogOptions, findModel } from './catalog';
export { handleContentRequest } from './content-router';
export { DEFAULT_LIMIT, MAX_LIMIT } from './list-models';
export type {
  Capability,
  Category,
  Collection,
  ContentModel,
  ContentResponse,
  Creator,
  Example,
  Guide,
  ModelStatus,
  ModelsMap,
  Pricing,
  PricingExample,
} from './shapes';
