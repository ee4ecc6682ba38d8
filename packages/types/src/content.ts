/**
 * Wire shapes of the content service (PROTOCOL.md §1 "Shapes"). Hand-written, not generated: the
 * pinned API snapshot has no schema for the content service, so `tools/codegen` knows nothing of
 * this file (it writes only `src/generated/`).
 *
 * These are the exact shapes: only the known fields and values. The emulator builds them as they
 * are; `@runware/core` widens them for its users (open objects, open `status`), so fields and
 * statuses the service adds later come through untouched. Optional fields are left out of an
 * object, never set to `undefined`.
 */

/** Media category of a collection or a model's pricing; also a `listModels` filter. */
export type ContentCategoryShape = 'image' | 'video' | 'audio' | 'text' | '3d';

/** Lifecycle of a catalog model. `listModels` hides `openai-compatible` unless a `status` filter is given. */
export type ContentModelStatusShape =
  | 'live'
  | 'deprecated'
  | 'coming-soon'
  | 'draft'
  | 'unlisted'
  | 'openai-compatible';

/** One priced configuration. Prices are illustrative USD numbers (PROTOCOL.md does not fix the type). */
export interface ContentPricingExampleShape {
  configuration: string;
  price: number;
  competitorPrice?: number;
}

/** A curated model. `creator`, `capabilities` and `architecture` are ids, not labels. */
export interface ContentModelShape {
  /** The catalog slug, the model's id in this service. */
  model: string;
  air: string;
  name: string;
  /** A creator id, resolvable with `/creators/{id}` (`listCreators` / `getCreator`). */
  creator: string;
  /** Capability ids (`io:*`, `op:*`, `form:*`), resolvable with `/capabilities` (`listCapabilities`). */
  capabilities: string[];
  architecture?: string;
  hosted?: boolean;
  status: ContentModelStatusShape;
  /** Slug of the successor; only on `deprecated` models. */
  replacedBy?: string;
  /** ISO 8601 date (`YYYY-MM-DD`). */
  releasedAt: string;
  weight: number;
  headline: string;
  description: string;
  coverImage?: string;
  ogImage?: string;
  pricingOverview?: string;
  pricingExamples?: ContentPricingExampleShape[];
}

/** A Runware-defined grouping of models, with the models inlined. */
export interface ContentCollectionShape {
  id: string;
  name: string;
  order: number;
  headline?: string;
  description?: string;
  icon?: string;
  coverImage?: string;
  category: ContentCategoryShape[];
  models: ContentModelShape[];
}

/** A model creator, with its curated models inlined. */
export interface ContentCreatorShape {
  id: string;
  name: string;
  logo?: string;
  headline?: string;
  description?: string;
  models: ContentModelShape[];
}

/** A sample request and response of a model for one capability. */
export interface ContentExampleShape {
  id: string;
  title?: string;
  /** The model's slug. */
  model: string;
  capability: string;
  asset?: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** A model's pricing summary and priced configurations. */
export interface ContentPricingShape {
  model: string;
  air: string;
  name: string;
  status: ContentModelStatusShape;
  coverImage: string;
  releasedAt?: string;
  pricingOverview?: string;
  pricingExamples?: ContentPricingExampleShape[];
  category: ContentCategoryShape[];
}

/** A guide article about a model. */
export interface ContentGuideShape {
  slug: string;
  title: string;
  description: string;
  date?: string;
  url: string;
}

/** One entry of the capability taxonomy. */
export interface ContentCapabilityShape {
  id: string;
  label: string;
}

/** One page of a paginated list (`paginate: true`). */
export interface ContentPageShape<T> {
  /** How many items match on the server, across all pages. */
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
