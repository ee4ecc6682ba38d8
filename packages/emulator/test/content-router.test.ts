import { models } from '@runware/types';
import { describe, expect, it } from 'vitest';
import {
  buildCatalog,
  type ContentModel,
  type ContentResponse,
  type Example,
  type Guide,
  handleContentRequest,
  type Pricing,
} from '../src/content/index';

const catalog = buildCatalog(models);
const get = (path: string, query = ''): ContentResponse =>
  handleContentRequest(catalog, 'GET', path, new URLSearchParams(query));
const body = <T>(path: string, query = ''): T => {
  const res = get(path, query);
  expect(res.status, `${path}?${query}`).toBe(200);
  return res.body as T;
};
const errorOf = (res: ContentResponse) =>
  (res.body as { errors: { code: string; parameter?: string }[] }).errors[0];

const MODEL_KEYS = new Set([
  'model',
  'air',
  'name',
  'creator',
  'capabilities',
  'architecture',
  'hosted',
  'status',
  'replacedBy',
  'releasedAt',
  'weight',
  'headline',
  'description',
  'coverImage',
  'ogImage',
  'pricingOverview',
  'pricingExamples',
]);

/** The PROTOCOL.md Model shape: required fields with their types, nothing unknown. */
function expectModelShape(m: ContentModel): void {
  for (const key of Object.keys(m)) expect(MODEL_KEYS.has(key), key).toBe(true);
  for (const key of [
    'model',
    'air',
    'name',
    'creator',
    'status',
    'releasedAt',
    'headline',
    'description',
  ] as const) {
    expect(typeof m[key], key).toBe('string');
  }
  expect(m.air).toMatch(/^[A-Za-z0-9.-]+:[A-Za-z0-9.-]+@[A-Za-z0-9.-]+$/);
  expect(Array.isArray(m.capabilities)).toBe(true);
  expect(typeof m.weight).toBe('number');
  for (const p of m.pricingExamples ?? []) {
    expect(typeof p.configuration).toBe('string');
    expect(typeof p.price).toBe('number');
  }
}

describe('single models', () => {
  it('resolves a model by slug, AIR, percent-encoded AIR and short alias to the same object', () => {
    const bySlug = body<ContentModel>('/models/bfl-flux-1-dev');
    expectModelShape(bySlug);
    expect(bySlug.air).toBe('runware:101@1');
    expect(body('/models/runware:101@1')).toEqual(bySlug);
    expect(body(`/models/${encodeURIComponent('runware:101@1')}`)).toEqual(bySlug);
    expect(body('/models/runware%3a101%401')).toEqual(bySlug);
    expect(body('/models/flux-1-dev')).toEqual(bySlug);
    expect(body('/models/BFL-FLUX-1-DEV')).toEqual(bySlug);
    expect(body('/models/bfl-flux-1-dev/')).toEqual(bySlug);
  });

  it('resolves every curated model by slug and by encoded AIR', () => {
    for (const [air, { slug }] of Object.entries(models)) {
      const m = body<ContentModel>(`/models/${encodeURIComponent(slug)}`);
      expectModelShape(m);
      expect(m.air).toBe(air);
      expect(body<ContentModel>(`/models/${encodeURIComponent(air)}`).model).toBe(slug);
    }
  });

  it('serves pricing in the Pricing shape', () => {
    const pricing = body<Pricing>('/models/runware%3A101%401/pricing');
    const model = body<ContentModel>('/models/bfl-flux-1-dev');
    expect(pricing).toEqual({
      model: model.model,
      air: model.air,
      name: model.name,
      status: model.status,
      coverImage: model.coverImage,
      releasedAt: model.releasedAt,
      pricingOverview: model.pricingOverview,
      pricingExamples: model.pricingExamples,
      category: ['image'],
    });
    const soon = body<Pricing>('/models/anthropic-claude-opus-4-8/pricing');
    expect(soon.status).toBe('coming-soon');
    expect(soon).not.toHaveProperty('pricingOverview');
    expect(soon.category).toEqual(['text']);
  });

  it('serves examples, filterable by capability', () => {
    const examples = body<Example[]>('/models/google-veo-3-1/examples');
    expect(examples.map((e) => e.capability)).toEqual(['io:text-to-video', 'io:image-to-video']);
    for (const e of examples) {
      expect(e.model).toBe('google-veo-3-1');
      expect(e.request).toMatchObject({ taskType: 'videoInference', model: 'google:3@2' });
      expect(e.response).toMatchObject({ taskType: 'videoInference', taskUUID: e.request.taskUUID });
      expect(e.request.taskUUID).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(e.asset).toMatch(/\.mp4$/);
    }
    const filtered = body<Example[]>('/models/google-veo-3-1/examples', 'capability=io:image-to-video');
    expect(filtered).toEqual(examples.filter((e) => e.capability === 'io:image-to-video'));
    expect(body('/models/google-veo-3-1/examples', 'capability=op:upscale')).toEqual([]);
    const text = body<Example[]>('/models/zai-glm-5-1/examples');
    expect(text[0]?.asset).toBeNull();
    expect(text[0]?.response).toHaveProperty('text');
  });

  it('gives every model at least one example whose capability it has', () => {
    for (const entry of catalog.entries) {
      const examples = body<Example[]>(`/models/${entry.model.model}/examples`);
      expect(examples.length, entry.model.model).toBeGreaterThan(0);
      for (const e of examples) expect(entry.model.capabilities).toContain(e.capability);
      expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
    }
  });

  it('serves guides: some models have them, others an empty list', () => {
    const guided = catalog.entries.find((e) => e.guides.length > 0);
    const unguided = catalog.entries.find((e) => e.guides.length === 0);
    expect(guided).toBeDefined();
    expect(unguided).toBeDefined();
    const guides = body<Guide[]>(`/models/${encodeURIComponent(guided?.model.air ?? '')}/guides`);
    expect(guides.length).toBeGreaterThan(0);
    for (const g of guides) {
      expect(Object.keys(g).sort()).toEqual(['date', 'description', 'slug', 'title', 'url']);
      expect(g.url).toBe(`/guides/${g.slug}`);
      expect((g.date ?? '') > (guided?.model.releasedAt ?? '')).toBe(true);
    }
    expect(body(`/models/${unguided?.model.model ?? ''}/guides`)).toEqual([]);
  });
});

describe('errors', () => {
  it('answers 404 notFound for an unknown id on every single-item path', () => {
    for (const path of [
      '/models/no-such-model',
      '/models/runware%3A999%401',
      '/models/no-such-model/examples',
      '/models/no-such-model/pricing',
      '/models/no-such-model/guides',
      '/collections/no-such-collection',
      '/creators/no-such-creator',
    ]) {
      const res = get(path);
      expect(res.status, path).toBe(404);
      expect(errorOf(res)).toMatchObject({ code: 'notFound' });
      expect((res.body as { errors: { message: string }[] }).errors[0]?.message).toMatch(
        /no-such|runware:999@1/,
      );
    }
  });

  it('answers 404 for unknown paths, whatever the method', () => {
    for (const path of [
      '',
      '/',
      '/model',
      '/models/bfl-flux-1-dev/nope',
      '/models//pricing',
      '/capabilities/x',
      '/a/b/c/d/e',
    ]) {
      expect(get(path).status, path).toBe(404);
      expect(handleContentRequest(catalog, 'POST', path, new URLSearchParams()).status, path).toBe(404);
    }
    expect(get('/models/bfl-flux-1-dev/pricing/extra').status).toBe(404);
    expect(get('/collections/featured/models').status).toBe(404);
  });

  it('answers 405 with an Allow header for methods other than GET and HEAD', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = handleContentRequest(catalog, method, '/models', new URLSearchParams());
      expect(res.status, method).toBe(405);
      expect(res.headers).toEqual({ allow: 'GET, HEAD' });
      expect(errorOf(res)).toMatchObject({ code: 'methodNotAllowed' });
    }
  });

  it('answers HEAD like GET (the server drops the body)', () => {
    for (const path of ['/models', '/models/bfl-flux-1-dev', '/creators', '/models/nope']) {
      expect(handleContentRequest(catalog, 'HEAD', path, new URLSearchParams())).toEqual(get(path));
    }
    expect(handleContentRequest(catalog, 'get', '/capabilities', new URLSearchParams()).status).toBe(200);
  });

  it('answers 400 for a malformed percent-encoded id', () => {
    const res = get('/models/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalidParameter', parameter: 'id' });
  });

  it('answers 400 for query parameters a path does not take', () => {
    for (const [path, query, parameter] of [
      ['/models/bfl-flux-1-dev', 'limit=5', 'limit'],
      ['/models/bfl-flux-1-dev/pricing', 'x=1', 'x'],
      ['/models/bfl-flux-1-dev/examples', 'capability=io:fly-to-moon', 'capability'],
      ['/collections', 'category=music', 'category'],
      ['/collections', 'sort=name', 'sort'],
      ['/capabilities', 'q=x', 'q'],
      ['/creators', 'limit=1', 'limit'],
      ['/creators/google', 'paginate=true', 'paginate'],
    ] as const) {
      const res = get(path, query);
      expect(res.status, `${path}?${query}`).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'invalidParameter', parameter });
    }
  });

  it('reports an unknown id before a bad parameter', () => {
    expect(get('/models/nope/examples', 'capability=bad').status).toBe(404);
  });
});
