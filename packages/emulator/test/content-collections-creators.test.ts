import { models } from '@runware/types';
import { describe, expect, it } from 'vitest';
import {
  buildCatalog,
  type Capability,
  type Collection,
  type ContentModel,
  type Creator,
  handleContentRequest,
} from '../src/content/index';

const catalog = buildCatalog(models);
const body = <T>(path: string, query = ''): T => {
  const res = handleContentRequest(catalog, 'GET', path, new URLSearchParams(query));
  expect(res.status, `${path}?${query}`).toBe(200);
  return res.body as T;
};
const allModels = body<ContentModel[]>('/models');
const categoryOf = (m: ContentModel) => catalog.ids.get(m.model)?.category;

/** An inlined model is the full Model object, identical to `/models/{id}`. */
function expectFullModels(inlined: readonly ContentModel[]): void {
  for (const m of inlined) {
    expect(m).toEqual(body<ContentModel>(`/models/${encodeURIComponent(m.air)}`));
    expect(m).toHaveProperty('headline');
    expect(m).toHaveProperty('capabilities');
  }
}

describe('collections', () => {
  const collections = body<Collection[]>('/collections');

  it('lists collections in order, each with full models inlined', () => {
    expect(collections.length).toBeGreaterThanOrEqual(10);
    expect(collections.map((c) => c.order)).toEqual(collections.map((_, i) => i + 1));
    expect(new Set(collections.map((c) => c.id)).size).toBe(collections.length);
    for (const c of collections) {
      expect(typeof c.name).toBe('string');
      expect(c.models.length, c.id).toBeGreaterThan(0);
      expectFullModels(c.models);
      for (const m of c.models) expect(m.status, `${c.id}/${m.model}`).not.toBe('deprecated');
      const weights = c.models.map((m) => m.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      // category lists exactly the members' categories
      expect(new Set(c.category)).toEqual(new Set(c.models.map(categoryOf)));
    }
  });

  it('fills collections from the model data', () => {
    const byId = new Map(collections.map((c) => [c.id, c]));
    const slugsOf = (id: string) =>
      byId
        .get(id)
        ?.models.map((m) => m.model)
        .sort();
    const expected = (keep: (m: ContentModel) => boolean) =>
      allModels
        .filter((m) => m.status !== 'deprecated' && keep(m))
        .map((m) => m.model)
        .sort();
    expect(slugsOf('image-generation')).toEqual(expected((m) => m.capabilities.includes('io:text-to-image')));
    expect(slugsOf('speech-and-audio')).toEqual(expected((m) => categoryOf(m) === 'audio'));
    expect(slugsOf('3d-generation')).toEqual(expected((m) => categoryOf(m) === '3d'));
    expect(slugsOf('lora-training')).toEqual(expected((m) => m.capabilities.includes('op:train')));
    const featured = byId.get('featured')?.models ?? [];
    expect(featured).toHaveLength(12);
    expect(featured).toEqual(allModels.filter((m) => m.status === 'live').slice(0, 12));
  });

  it('filters by category and serves one collection by id', () => {
    const video = body<Collection[]>('/collections', 'category=video');
    expect(video.map((c) => c.id)).toEqual(
      collections.filter((c) => c.category.includes('video')).map((c) => c.id),
    );
    expect(video.length).toBeLessThan(collections.length);
    expect(video.map((c) => c.id)).toContain('video-generation');
    const imageOrText = body<Collection[]>('/collections', 'category=image,text');
    expect(imageOrText.map((c) => c.id)).toEqual(
      collections.filter((c) => c.category.includes('image') || c.category.includes('text')).map((c) => c.id),
    );
    expect(body('/collections/video-generation')).toEqual(
      collections.find((c) => c.id === 'video-generation'),
    );
  });
});

describe('creators', () => {
  const creators = body<Creator[]>('/creators');

  it('lists creators by id, each with its full models inlined, covering every model once', () => {
    expect(creators.map((c) => c.id)).toEqual(creators.map((c) => c.id).sort());
    const seen: string[] = [];
    for (const c of creators) {
      expect(c.models.length, c.id).toBeGreaterThan(0);
      expectFullModels(c.models);
      for (const m of c.models) expect(m.creator).toBe(c.id);
      seen.push(...c.models.map((m) => m.air));
      expect(c.headline).toBe(
        c.models.length === 1 ? '1 model on Runware' : `${c.models.length} models on Runware`,
      );
    }
    expect(seen.sort()).toEqual(Object.keys(models).sort());
  });

  it('serves one creator by id, with the same models as the creator filter', () => {
    const google = body<Creator>('/creators/google');
    expect(google.name).toBe('Google');
    expect(google.logo).toBe('/media/creator/google.svg');
    expect(google.models.map((m) => m.model)).toEqual(
      body<ContentModel[]>('/models', 'creator=google').map((m) => m.model),
    );
    expect(body<Creator>('/creators/black-forest-labs').name).toBe('Black Forest Labs');
  });
});

describe('capabilities', () => {
  it('lists {id, label} for exactly the capabilities models have, io then op then form', () => {
    const capabilities = body<Capability[]>('/capabilities');
    for (const c of capabilities) expect(Object.keys(c).sort()).toEqual(['id', 'label']);
    expect(new Set(capabilities.map((c) => c.id))).toEqual(new Set(allModels.flatMap((m) => m.capabilities)));
    const kinds = capabilities.map((c) => c.id.split(':')[0]);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) => ['io', 'op', 'form'].indexOf(a ?? '') - ['io', 'op', 'form'].indexOf(b ?? ''),
      ),
    );
    const label = (id: string) => capabilities.find((c) => c.id === id)?.label;
    expect(label('io:text-to-image')).toBe('Text to image');
    expect(label('io:image-to-3d')).toBe('Image to 3D');
    expect(label('op:remove-background')).toBe('Remove background');
    for (const id of [
      'io:text-to-video',
      'io:image-to-video',
      'io:text-to-speech',
      'io:text-to-audio',
      'io:text-to-text',
      'op:upscale',
    ]) {
      expect(label(id), id).toBeDefined();
    }
    // Every listed capability is a valid filter.
    for (const c of capabilities)
      expect(body<ContentModel[]>('/models', `capability=${c.id}`).length).toBeGreaterThan(0);
  });
});
