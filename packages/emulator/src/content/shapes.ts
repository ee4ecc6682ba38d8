/**
 * Wire shapes of the content service (PROTOCOL.md §1 "Shapes"), declared once in `@runware/types`
 * as the exact shapes, under the short names the emulator uses. Optional fields are left out of the
 * object, never set to `undefined`, so responses and deep-equality checks stay clean.
 */
import type { ContentCategoryShape, ContentModelStatusShape } from '@runware/types';

export type {
  ContentCapabilityShape as Capability,
  ContentCategoryShape as Category,
  ContentCollectionShape as Collection,
  ContentCreatorShape as Creator,
  ContentExampleShape as Example,
  ContentGuideShape as Guide,
  ContentModelShape as ContentModel,
  ContentModelStatusShape as ModelStatus,
  ContentPricingExampleShape as PricingExample,
  ContentPricingShape as Pricing,
} from '@runware/types';

/** What `handleContentRequest` returns; the HTTP server serialises `body` as JSON. */
export interface ContentResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The curated models map: AIR → task type and slug (the shape of `models` in `@runware/types`). */
export type ModelsMap = Readonly<Record<string, { taskType: string; slug: string }>>;

export const CATEGORIES: readonly ContentCategoryShape[] = ['image', 'video', 'audio', 'text', '3d'];

export const MODEL_STATUSES: readonly ContentModelStatusShape[] = [
  'live',
  'deprecated',
  'coming-soon',
  'draft',
  'unlisted',
  'openai-compatible',
];
