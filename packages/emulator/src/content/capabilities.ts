/**
 * Category and capability ids of a model, derived from its task type and the words of its slug.
 * Ids follow Runware's taxonomy: `io:<in>-to-<out>` for what goes in and comes out, `op:<name>`
 * for an operation, `form:<name>` for a trait (fast, pro, open weights).
 */
import type { Capability, Category } from './shapes';

const has = (slug: string, pattern: RegExp): boolean => pattern.test(slug);

/** Slug mentions video: video upscalers, background removers and captioners work on video. */
const VIDEO_WORD = /(^|-)video(-|$)|starlight/;

/** Processing operations count as image work, or video work when they take video. */
export function categoryOf(taskType: string, slug: string): Category {
  switch (taskType) {
    case 'imageInference':
      return 'image';
    case 'videoInference':
      return 'video';
    case 'audioInference':
      return 'audio';
    case 'textInference':
    case 'promptEnhance':
      return 'text';
    case '3dInference':
      return '3d';
    case 'upscale':
    case 'removeBackground':
    case 'caption':
      return has(slug, VIDEO_WORD) ? 'video' : 'image';
    default:
      // imageMasking, controlNetPreprocess, vectorize, training and any future operation on images
      for (const prefix of ['video', 'audio', 'text', '3d'] as const) {
        if (taskType.startsWith(prefix)) return prefix;
      }
      return 'image';
  }
}

function imageCapabilities(slug: string): string[] {
  if (has(slug, /fill|erase|eraser/)) return ['io:image-to-image', 'op:inpaint'];
  if (has(slug, /expand|outpainting|reframe/)) return ['io:image-to-image', 'op:extend'];
  if (has(slug, /try-on|vto/)) return ['io:image-to-image', 'op:virtual-try-on'];
  if (has(slug, /replace-background/)) return ['io:image-to-image', 'op:replace-background'];
  if (has(slug, /layerize|layered/)) return ['io:image-to-image', 'op:layerize'];
  if (has(slug, /edit|kontext|remix|nano-banana|gpt-image|seedream|flux-2|riverflow|klingai-image|uni-1/)) {
    return ['io:text-to-image', 'io:image-to-image', 'op:edit'];
  }
  return ['io:text-to-image'];
}

function videoCapabilities(slug: string): string[] {
  if (has(slug, /lip-?sync/)) return ['io:video-to-video', 'io:audio-to-video', 'op:lip-sync'];
  if (has(slug, /avatar|omnihuman|fabric|react/))
    return ['io:image-to-video', 'io:audio-to-video', 'op:avatar'];
  if (has(slug, /modify|aleph|replace|retake|eraser/)) return ['io:video-to-video', 'op:edit'];
  return ['io:text-to-video', 'io:image-to-video'];
}

function audioCapabilities(slug: string): string[] {
  if (has(slug, /cover/)) return ['io:audio-to-audio'];
  if (has(slug, /sfx/)) return ['io:text-to-audio', 'io:video-to-audio'];
  if (has(slug, /music|ace-step|seed-audio/)) return ['io:text-to-audio'];
  return ['io:text-to-speech'];
}

function textCapabilities(slug: string): string[] {
  return has(slug, /gpt|gemini|claude|grok|kimi/)
    ? ['io:text-to-text', 'io:image-to-text']
    : ['io:text-to-text'];
}

/** What a media operation takes in, by the slug. */
const mediaIo = (slug: string, out: string): string =>
  has(slug, VIDEO_WORD) ? `io:video-to-${out === 'image' ? 'video' : out}` : `io:image-to-${out}`;

function operationCapabilities(taskType: string, slug: string): string[] {
  switch (taskType) {
    case 'upscale':
      return [mediaIo(slug, 'image'), 'op:upscale'];
    case 'removeBackground':
      return [mediaIo(slug, 'image'), 'op:remove-background'];
    case 'caption':
      return [mediaIo(slug, 'text'), 'op:caption'];
    case 'imageMasking':
      return ['io:image-to-image', 'op:mask'];
    case 'controlNetPreprocess': {
      const extra = has(slug, /depth/)
        ? ['op:depth-estimation']
        : has(slug, /openpose/)
          ? ['op:pose-estimation']
          : [];
      return ['io:image-to-image', 'op:controlnet-preprocess', ...extra];
    }
    case 'vectorize':
      return [has(slug, /vectoriz/) ? 'io:image-to-vector' : 'io:text-to-vector', 'op:vectorize'];
    case 'training':
      return ['op:train'];
    case 'promptEnhance':
      return ['io:text-to-text', 'op:prompt-enhance'];
    default:
      return [];
  }
}

const FAST = /(^|-)(turbo|fast|flash|lite|mini|nano(?!-banana)|schnell|lightning|rapid|highspeed)(-|$)/;
const PRO = /(^|-)(pro|max|ultra|master|quality|4k)(-|$)/;

function baseCapabilities(taskType: string, slug: string): string[] {
  switch (taskType) {
    case 'imageInference':
      return imageCapabilities(slug);
    case 'videoInference':
      return videoCapabilities(slug);
    case 'audioInference':
      return audioCapabilities(slug);
    case 'textInference':
      return textCapabilities(slug);
    case '3dInference':
      return has(slug, /sam-3d|trellis/) ? ['io:image-to-3d'] : ['io:text-to-3d', 'io:image-to-3d'];
    default:
      return operationCapabilities(taskType, slug);
  }
}

/** Capability ids of a model: `io:*` first, then `op:*`, then `form:*`. */
export function capabilitiesOf(taskType: string, slug: string, hosted: boolean): string[] {
  const base = baseCapabilities(taskType, slug);
  const forms: string[] = [];
  if (has(slug, FAST)) forms.push('form:fast');
  if (has(slug, PRO)) forms.push('form:pro');
  if (hosted) forms.push('form:open-weights');
  return [...base, ...forms];
}

const KIND_ORDER: Readonly<Record<string, number>> = { io: 0, op: 1, form: 2 };

/** Taxonomy order: by kind (io, op, form), then by id. */
export function compareCapabilityIds(a: string, b: string): number {
  const ka = KIND_ORDER[a.split(':')[0] ?? ''] ?? 3;
  const kb = KIND_ORDER[b.split(':')[0] ?? ''] ?? 3;
  return ka - kb || (a < b ? -1 : a > b ? 1 : 0);
}

const LABELS: Readonly<Record<string, string>> = {
  'op:controlnet-preprocess': 'ControlNet preprocessing',
  'op:lip-sync': 'Lip sync',
  'op:train': 'LoRA training',
  'form:open-weights': 'Open weights',
  'form:pro': 'Pro quality',
};

/** `io:text-to-image` → "Text to image", `op:remove-background` → "Remove background". */
export function capabilityLabel(id: string): string {
  const known = Object.hasOwn(LABELS, id) ? LABELS[id] : undefined;
  if (known !== undefined) return known;
  const words = id
    .slice(id.indexOf(':') + 1)
    .replace(/-/g, ' ')
    .replace(/\b3d\b/g, '3D');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The `/capabilities` list: every id some model has, in taxonomy order. */
export function capabilityTaxonomy(ids: Iterable<string>): Capability[] {
  return [...new Set(ids)].sort(compareCapabilityIds).map((id) => ({ id, label: capabilityLabel(id) }));
}

/** Well-formed capability id (whether or not any model has it). */
export const CAPABILITY_ID =
  /^(io:[a-z0-9]+-to-[a-z0-9]+|op:[a-z0-9]+(-[a-z0-9]+)*|form:[a-z0-9]+(-[a-z0-9]+)*)$/;
