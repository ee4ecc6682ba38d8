/**
 * Shapes of the content service's answers (PROTOCOL.md §1 "Shapes"). The exact wire shapes live in
 * `@runware/types` (`Content*Shape`); these are their open versions: the known fields are typed, and
 * fields (and model statuses) the service adds later come through untouched.
 */
import type {
  ContentCapabilityShape,
  ContentCategoryShape,
  ContentCollectionShape,
  ContentCreatorShape,
  ContentExampleShape,
  ContentGuideShape,
  ContentModelShape,
  ContentModelStatusShape,
  ContentPageShape,
  ContentPricingExampleShape,
  ContentPricingShape,
} from '@runware/types';

/** Media category of a collection or a model's pricing; also a `listModels` filter. */
export type ContentCategory = ContentCategoryShape;

/**
 * Lifecycle of a catalog model. `listModels` hides `openai-compatible` unless a `status` filter is
 * given. The `string & {}` arm keeps autocomplete while accepting statuses added later.
 */
export type ContentModelStatus = ContentModelStatusShape | (string & {});

/** Sort keys of `listModels`. */
export type ContentSort = 'weight' | 'releasedAt' | 'name' | 'creator' | 'popularity' | 'newest' | 'alpha';

/** One priced configuration (illustrative USD). */
export interface ContentPricingExample extends ContentPricingExampleShape {
  [field: string]: unknown;
}

/** A curated model. `creator`, `capabilities` and `architecture` are ids, not labels. */
export interface ContentModel extends Omit<ContentModelShape, 'status'> {
  status: ContentModelStatus;
  pricingExamples?: ContentPricingExample[];
  [field: string]: unknown;
}

/** A Runware-defined grouping of models, with the models inlined. */
export interface ContentCollection extends Omit<ContentCollectionShape, 'models'> {
  models: ContentModel[];
  [field: string]: unknown;
}

/** A model creator, with its curated models inlined. */
export interface ContentCreator extends Omit<ContentCreatorShape, 'models'> {
  models: ContentModel[];
  [field: string]: unknown;
}

/** A sample request and response of a model for one capability. */
export interface ContentExample extends ContentExampleShape {
  [field: string]: unknown;
}

/** A model's pricing summary and priced configurations. */
export interface ContentPricing extends Omit<ContentPricingShape, 'status'> {
  status: ContentModelStatus;
  pricingExamples?: ContentPricingExample[];
  [field: string]: unknown;
}

/** A guide article about a model. */
export interface ContentGuide extends ContentGuideShape {
  [field: string]: unknown;
}

/** One entry of the capability taxonomy. */
export interface ContentCapability extends ContentCapabilityShape {
  [field: string]: unknown;
}

/** One page of a paginated list (`paginate: true`). */
export interface ContentPage<T> extends ContentPageShape<T> {}
