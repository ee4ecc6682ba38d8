/**
 * Wire shapes of the content service (PROTOCOL.md §1 "Shapes"). Optional fields are left out of
 * the object, never set to `undefined`, so responses and deep-equality checks stay clean.
 */

export type Category = 'image' | 'video' | 'audio' | 'text' | '3d';

export type ModelStatus = 'live' | 'deprecated' | 'coming-soon' | 'draft' | 'unlisted' | 'openai-compatible';

/** One priced configuration. Prices are USD numbers (PROTOCOL.md does not fix the type). */
export interface PricingExample {
  configuration: string;
  price: number;
  competitorPrice?: number;
}

export interface ContentModel {
  /** The catalog slug, the model's id in this service. */
  model: string;
  air: string;
  name: string;
  /** A creator id, resolvable with `/creators/{id}`. */
  creator: string;
  /** Capability ids (`io:*`, `op:*`, `form:*`), resolvable with `/capabilities`. */
  capabilities: string[];
  architecture?: string;
  hosted?: boolean;
  status: ModelStatus;
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
  pricingExamples?: PricingExample[];
}

export interface Collection {
  id: string;
  name: string;
  order: number;
  headline?: string;
  description?: string;
  icon?: string;
  coverImage?: string;
  category: Category[];
  models: ContentModel[];
}

export interface Creator {
  id: string;
  name: string;
  logo?: string;
  headline?: string;
  description?: string;
  models: ContentModel[];
}

export interface Example {
  id: string;
  title?: string;
  /** The model's slug. */
  model: string;
  capability: string;
  asset?: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

export interface Pricing {
  model: string;
  air: string;
  name: string;
  status: ModelStatus;
  coverImage: string;
  releasedAt?: string;
  pricingOverview?: string;
  pricingExamples?: PricingExample[];
  category: Category[];
}

export interface Guide {
  slug: string;
  title: string;
  description: string;
  date?: string;
  url: string;
}

export interface Capability {
  id: string;
  label: string;
}

/** What `handleContentRequest` returns; the HTTP server serialises `body` as JSON. */
export interface ContentResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The curated models map: AIR → task type and slug (the shape of `models` in `@runware/types`). */
export type ModelsMap = Readonly<Record<string, { taskType: string; slug: string }>>;

export const CATEGORIES: readonly Category[] = ['image', 'video', 'audio', 'text', '3d'];

export const MODEL_STATUSES: readonly ModelStatus[] = [
  'live',
  'deprecated',
  'coming-soon',
  'draft',
  'unlisted',
  'openai-compatible',
];
