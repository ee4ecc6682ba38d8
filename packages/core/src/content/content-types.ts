/**
 * Shapes of the content service's answers (PROTOCOL.md §1 "Shapes"). They are open objects: the
 * known fields are typed, and fields the service adds later come through untouched.
 */

/** Media category of a collection or a model's pricing; also a `listModels` filter. */
export type ContentCategory = 'image' | 'video' | 'audio' | 'text' | '3d';

/**
 * Lifecycle of a catalog model. `listModels` hides `openai-compatible` unless a `status` filter is
 * given. The `string & {}` arm keeps autocomplete while accepting statuses added later.
 */
export type ContentModelStatus =
  | 'live'
  | 'deprecated'
  | 'coming-soon'
  | 'draft'
  | 'unlisted'
  | 'openai-compatible'
  | (string & {});

/** Sort keys of `listModels`. */
export type ContentSort = 'weight' | 'releasedAt' | 'name' | 'creator' | 'popularity' | 'newest' | 'alpha';

/** One priced configuration (illustrative USD). */
export interface ContentPricingExample {
  configuration: string;
  price: number;
  competitorPrice?: number;
  [field: string]: unknown;
}

/** A curated model. `creator`, `capabilities` and `architecture` are ids, not labels. */
export interface ContentModel {
  /** The catalog slug, the model's id in this service. */
  model: string;
  air: string;
  name: string;
  /** A creator id (see `listCreators` / `getCreator`). */
  creator: string;
  /** Capability ids (`io:*`, `op:*`, `form:*`; see `listCapabilities`). */
  capabilities: string[];
  architecture?: string;
  hosted?: boolean;
  status: ContentModelStatus;
  /** Slug of the successor of a `deprecated` model. */
  replacedBy?: string;
  /** ISO 8601 date. */
  releasedAt: string;
  weight: number;
  headline: string;
  description: string;
  coverImage?: string;
  ogImage?: string;
  pricingOverview?: string;
  pricingExamples?: ContentPricingExample[];
  [field: string]: unknown;
}

/** A Runware-defined grouping of models, with the models inlined. */
export interface ContentCollection {
  id: string;
  name: string;
  order: number;
  headline?: string;
  description?: string;
  icon?: string;
  coverImage?: string;
  category: ContentCategory[];
  models: ContentModel[];
  [field: string]: unknown;
}

/** A model creator, with its curated models inlined. */
export interface ContentCreator {
  id: string;
  name: string;
  logo?: string;
  headline?: string;
  description?: string;
  models: ContentModel[];
  [field: string]: unknown;
}

/** A sample request and response of a model for one capability. */
export interface ContentExample {
  id: string;
  title?: string;
  /** The model's slug. */
  model: string;
  capability: string;
  asset?: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  [field: string]: unknown;
}

/** A model's pricing summary and priced configurations. */
export interface ContentPricing {
  model: string;
  air: string;
  name: string;
  status: ContentModelStatus;
  coverImage: string;
  releasedAt?: string;
  pricingOverview?: string;
  pricingExamples?: ContentPricingExample[];
  category: ContentCategory[];
  [field: string]: unknown;
}

/** A guide article about a model. */
export interface ContentGuide {
  slug: string;
  title: string;
  description: string;
  date?: string;
  url: string;
  [field: string]: unknown;
}

/** One entry of the capability taxonomy. */
export interface ContentCapability {
  id: string;
  label: string;
  [field: string]: unknown;
}

/** One page of a paginated list (`paginate: true`). */
export interface ContentPage<T> {
  /** How many items match on the server, across all pages. */
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
