/**
 * Runware-defined model groupings. Each collection is a rule over the catalog's models, so a model
 * added at runtime joins the collections it fits. Deprecated models join none; members are ordered
 * by weight (highest first), and a collection nobody fits is left out.
 */
import type { ModelFacts } from './model-facts';
import { CATEGORIES, type Collection, type ContentModel } from './shapes';

interface CollectionRule {
  id: string;
  name: string;
  headline: string;
  description: string;
  /** Whether a (non-deprecated) model belongs; `featured` instead takes the top of the list. */
  fits: (facts: ModelFacts) => boolean;
  limit?: number;
}

const hasAny =
  (...ids: string[]) =>
  (facts: ModelFacts): boolean =>
    ids.some((id) => facts.model.capabilities.includes(id));

const RULES: readonly CollectionRule[] = [
  {
    id: 'featured',
    name: 'Featured',
    headline: 'The models we recommend starting with',
    description: 'A hand-picked set of live models across image, video, audio and text.',
    fits: (f) => f.model.status === 'live',
    limit: 12,
  },
  {
    id: 'image-generation',
    name: 'Image generation',
    headline: 'Turn prompts into images',
    description: 'Text-to-image models, from sub-second drafts to print-quality renders.',
    fits: hasAny('io:text-to-image'),
  },
  {
    id: 'image-editing',
    name: 'Image editing',
    headline: 'Change an image with words',
    description: 'Models that edit, extend, inpaint or restyle an image you provide.',
    fits: (f) =>
      f.category === 'image' && hasAny('op:edit', 'op:inpaint', 'op:extend', 'op:replace-background')(f),
  },
  {
    id: 'video-generation',
    name: 'Video generation',
    headline: 'Prompts and images into motion',
    description: 'Text-to-video and image-to-video models.',
    fits: hasAny('io:text-to-video', 'io:image-to-video'),
  },
  {
    id: 'lip-sync-and-avatars',
    name: 'Lip sync and avatars',
    headline: 'Make anyone talk',
    description: 'Drive a face or an avatar with an audio track.',
    fits: hasAny('op:lip-sync', 'op:avatar'),
  },
  {
    id: 'speech-and-audio',
    name: 'Speech and audio',
    headline: 'Voices, music and sound effects',
    description: 'Text-to-speech, music and sound-effect models.',
    fits: (f) => f.category === 'audio',
  },
  {
    id: 'language-models',
    name: 'Language models',
    headline: 'Chat, reasoning and vision',
    description: 'Large language models, some of which also read images.',
    fits: (f) => f.taskType === 'textInference',
  },
  {
    id: '3d-generation',
    name: '3D generation',
    headline: 'Meshes from a prompt or a photo',
    description: 'Text-to-3D and image-to-3D models.',
    fits: (f) => f.category === '3d',
  },
  {
    id: 'image-tools',
    name: 'Image and video tools',
    headline: 'Upscale, cut out, mask and more',
    description:
      'Utility models: upscaling, background removal, masking, ControlNet preprocessing, vectorizing, captioning.',
    fits: (f) =>
      !f.taskType.endsWith('Inference') && f.taskType !== 'training' && f.taskType !== 'promptEnhance',
  },
  {
    id: 'fast',
    name: 'Fast models',
    headline: 'When latency matters most',
    description: 'Turbo, flash and lite variants tuned for speed.',
    fits: hasAny('form:fast'),
  },
  {
    id: 'open-weights',
    name: 'Open weights',
    headline: 'Open models on Runware GPUs',
    description: 'Open-weights models that Runware hosts and optimises itself.',
    fits: hasAny('form:open-weights'),
  },
  {
    id: 'lora-training',
    name: 'LoRA training',
    headline: 'Teach a model your style',
    description: 'Train a LoRA on your images and use it in generation.',
    fits: hasAny('op:train'),
  },
];

/**
 * `ranked` is every model in weight order (highest first); collections keep that order.
 * `baseUrl` prefixes icon and cover URLs.
 */
export function buildCollections(ranked: readonly ModelFacts[], baseUrl: string): Collection[] {
  const collections: Collection[] = [];
  for (const rule of RULES) {
    const members = ranked
      .filter((f) => f.model.status !== 'deprecated' && rule.fits(f))
      .slice(0, rule.limit);
    if (members.length === 0) continue;
    const present = new Set(members.map((f) => f.category));
    const models: ContentModel[] = members.map((f) => f.model);
    collections.push({
      id: rule.id,
      name: rule.name,
      order: collections.length + 1,
      headline: rule.headline,
      description: rule.description,
      icon: `${baseUrl}/media/collection-icon/${rule.id}.svg`,
      coverImage: `${baseUrl}/media/collection/${rule.id}.jpg`,
      category: CATEGORIES.filter((c) => present.has(c)),
      models,
    });
  }
  return collections;
}
