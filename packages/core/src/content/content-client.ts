import type {
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
  ContentSort,
} from './content-types';

/** A filter value, or several (any of them matches). */
export type ContentFilter<T extends string = string> = T | readonly T[];

/** Filters, order and paging of `listModels`. Different filters must all match. */
export interface ListModelsParams {
  /** Capability ids, e.g. `io:text-to-image`, `op:edit`, `form:fast`. */
  capability?: ContentFilter;
  /** Model statuses. Without one, `openai-compatible` models are left out. */
  status?: ContentFilter<ContentModelStatus>;
  category?: ContentFilter<ContentCategory>;
  /** Creator ids, e.g. `black-forest-labs`. */
  creator?: ContentFilter;
  /** Free text; every word must appear in the name, slug, AIR, headline or description (`q`). */
  search?: string;
  sort?: ContentSort;
  order?: 'asc' | 'desc';
  /** `true` answers one page, `{ total, limit, offset, items }`, instead of an array. */
  paginate?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * Read-only access to Runware's curated model catalog (the content service). Ids may be a catalog
 * slug or an AIR. Single-item calls answer `null` (or `[]`) for an unknown id; every other failure
 * rejects with a RunwareError: raw `connectionFailed` when the service cannot be reached, raw
 * `httpError` (with `statusCode`) for any other non-OK status.
 */
export interface ContentClient {
  /** The curated models, filtered and sorted. */
  listModels(params?: ListModelsParams & { paginate?: false }): Promise<ContentModel[]>;
  /**
   * One page of models. Without a `status` filter the `openai-compatible` models are taken out
   * of `items` client-side, so `total` (as the server sent it) may count a few more models than
   * the pages hold; page with `offset += limit` rather than with `items.length`.
   */
  listModels(params: ListModelsParams & { paginate: true }): Promise<ContentPage<ContentModel>>;
  /** One model, or null when the id is unknown. */
  getModel(id: string): Promise<ContentModel | null>;
  /** Sample requests and responses of a model, optionally for one capability; [] when unknown. */
  getModelExamples(id: string, params?: { capability?: string }): Promise<ContentExample[]>;
  /** A model's pricing summary, or null when the id is unknown. */
  getModelPricing(id: string): Promise<ContentPricing | null>;
  /** Guides about a model; [] when the id is unknown. */
  getModelGuides(id: string): Promise<ContentGuide[]>;
  /** Collections, with their models inlined. */
  listCollections(params?: { category?: ContentCategory }): Promise<ContentCollection[]>;
  /** One collection with its models inlined, or null when the id is unknown. */
  getCollection(id: string): Promise<ContentCollection | null>;
  /** The capability taxonomy (`io:*`, `op:*`, `form:*`) with labels. */
  listCapabilities(): Promise<ContentCapability[]>;
  /** Creators, with their curated models inlined. */
  listCreators(): Promise<ContentCreator[]>;
  /** One creator with its curated models inlined, or null when the id is unknown. */
  getCreator(id: string): Promise<ContentCreator | null>;
}

export type ContentLogCategory = 'request' | 'warn' | 'error';

export interface CreateContentClientOptions {
  /** The service root, e.g. `https://content.runware.ai` (a trailing slash is fine). */
  contentBaseUrl: string;
  /** Defaults to `globalThis.fetch`, looked up per call. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per call before it fails with `connectionFailed`. Default: no limit. */
  timeoutMs?: number;
  log?: (category: ContentLogCategory, message: string, data?: unknown) => void;
}
