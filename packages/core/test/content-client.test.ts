import { rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentClient } from '../src/content/content-client';
import { createContentClient } from '../src/content/create-content-client';
import { createRunwareClient, isRunwareError } from '../src/index';

const emulator = useEmulator({ beforeAll, afterAll });
let content: ContentClient;
/** Every request the client made, as the fetch saw it. */
const seen: { url: string; headers: Headers }[] = [];

beforeAll(async () => {
  const counting: typeof fetch = (input, init) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  content = createContentClient({ contentBaseUrl: `${emulator.contentUrl}/`, fetch: counting });
});

const slugs = (models: readonly { model: string }[]) => models.map((m) => m.model);

describe('content client: models', () => {
  it('lists models, hiding openai-compatible ones unless a status filter asks for them', async () => {
    const models = await content.listModels();
    expect(models.length).toBeGreaterThan(100);
    expect(models[0]).toMatchObject({ model: expect.any(String), air: expect.any(String), status: 'live' });
    expect(models.some((m) => m.status === 'openai-compatible')).toBe(false);

    const compatible = await content.listModels({ status: 'openai-compatible' });
    expect(slugs(compatible).sort()).toEqual(['moonshotai-kimi-k2-6', 'zai-glm-4-7']);
    const zai = await content.listModels({ creator: 'z-ai' });
    expect(slugs(zai)).toEqual(['zai-glm-5-1']);
    const zaiAll = await content.listModels({ creator: 'z-ai', status: ['live', 'openai-compatible'] });
    expect(slugs(zaiAll).sort()).toEqual(['zai-glm-4-7', 'zai-glm-5-1']);
  });

  it('filters by capability, category, creator and search (sent as q), and sorts', async () => {
    const models = await content.listModels({
      capability: 'io:text-to-image',
      category: 'image',
      creator: 'black-forest-labs',
      search: 'flux kontext',
      sort: 'name',
      order: 'desc',
    });
    expect(slugs(models)).toEqual([
      'bfl-flux-1-kontext-pro',
      'bfl-flux-1-kontext-max',
      'bfl-flux-1-kontext-dev',
    ]);
    for (const model of models) {
      expect(model.creator).toBe('black-forest-labs');
      expect(model.capabilities).toContain('io:text-to-image');
    }
    const url = new URL(seen.at(-1)?.url ?? '');
    expect(url.pathname).toBe(new URL(`${emulator.contentUrl}/models`).pathname);
    expect(url.searchParams.get('q')).toBe('flux kontext');
    expect(url.searchParams.has('search')).toBe(false);

    const either = await content.listModels({ creator: ['z-ai', 'moonshot-ai'], status: 'live' });
    expect(slugs(either)).toEqual(['zai-glm-5-1']);
    const empty = await content.listModels({ search: 'no-such-model-anywhere' });
    expect(empty).toEqual([]);
  });

  it('paginates with { total, limit, offset, items }, filtering items but keeping the total', async () => {
    const all = await content.listModels({
      status: ['live', 'deprecated', 'coming-soon', 'openai-compatible'],
    });
    const page = await content.listModels({ paginate: true, limit: 25, offset: 0 });
    expect(page).toMatchObject({ total: all.length, limit: 25, offset: 0 });
    // The server's first 25 hold one openai-compatible model, which the client takes out.
    const shown = all.slice(0, 25).filter((m) => m.status !== 'openai-compatible');
    expect(shown).toHaveLength(24);
    expect(slugs(page.items)).toEqual(slugs(shown));
    const next = await content.listModels({ paginate: true, limit: 25, offset: 25 });
    expect(next.offset).toBe(25);
    expect(slugs(next.items)).not.toContain(page.items[0]?.model);

    const compatible = await content.listModels({ paginate: true, creator: 'z-ai' });
    expect(compatible.total).toBe(2);
    expect(slugs(compatible.items)).toEqual(['zai-glm-5-1']);
    const asked = await content.listModels({ paginate: true, creator: 'z-ai', status: 'openai-compatible' });
    expect(asked).toMatchObject({ total: 1, items: [{ model: 'zai-glm-4-7' }] });
    expect(new URL(seen.at(-1)?.url ?? '').searchParams.get('paginate')).toBe('true');
  });

  it('gets one model by slug, alias or AIR (one encoded path segment), null when unknown', async () => {
    const bySlug = await content.getModel('bfl-flux-1-dev');
    expect(bySlug).toMatchObject({ model: 'bfl-flux-1-dev', air: 'runware:101@1' });
    expect((await content.getModel('runware:101@1'))?.model).toBe('bfl-flux-1-dev');
    expect(seen.at(-1)?.url).toBe(`${emulator.contentUrl}/models/runware%3A101%401`);
    expect((await content.getModel('flux-1-dev'))?.model).toBe('bfl-flux-1-dev');
    expect(await content.getModel('no-such-model')).toBeNull();
    expect(await content.getModel('a/b?c#d')).toBeNull();
    expect(seen.at(-1)?.url).toBe(`${emulator.contentUrl}/models/a%2Fb%3Fc%23d`);
  });

  it('answers ids no URL can carry (empty, dot segments) as unknown without a request', async () => {
    const before = seen.length;
    expect(await content.getModel('')).toBeNull();
    expect(await content.getModel('..')).toBeNull();
    expect(await content.getModelExamples('.')).toEqual([]);
    expect(seen.length).toBe(before);
  });

  it('refuses a non-string id and filters that are not a known object, before any request', async () => {
    const before = seen.length;
    const badId = await rejectionOf(content.getModel(undefined as never), isRunwareError);
    expect(badId).toMatchObject({ code: 'validation', parameter: 'id' });
    const badFilters = await rejectionOf(content.listModels('flux' as never), isRunwareError);
    expect(badFilters).toMatchObject({ code: 'validation', parameter: 'params' });
    expect(badFilters.message).toContain("{ search: 'flux' }");
    const typo = await rejectionOf(content.listModels({ q: 'flux' } as never), isRunwareError);
    expect(typo).toMatchObject({ parameter: 'q' });
    expect(typo.message).toContain('Did you mean "search"?');
    expect(seen.length).toBe(before);
  });

  it('gets examples (optionally by capability), pricing and guides; null / [] when unknown', async () => {
    const examples = await content.getModelExamples('bfl-flux-1-kontext-dev');
    expect(examples.map((e) => e.capability)).toEqual(['io:text-to-image', 'io:image-to-image']);
    expect(examples[0]).toMatchObject({ model: 'bfl-flux-1-kontext-dev', request: expect.any(Object) });
    const edits = await content.getModelExamples('bfl-flux-1-kontext-dev', {
      capability: 'io:image-to-image',
    });
    expect(edits.map((e) => e.capability)).toEqual(['io:image-to-image']);
    expect(await content.getModelExamples('no-such-model')).toEqual([]);

    const pricing = await content.getModelPricing('flux-1-dev');
    expect(pricing).toMatchObject({ model: 'bfl-flux-1-dev', category: ['image'] });
    expect(pricing?.pricingExamples?.[0]?.price).toBeGreaterThan(0);
    expect(await content.getModelPricing('no-such-model')).toBeNull();

    const guides = await content.getModelGuides('swinir');
    expect(guides[0]).toMatchObject({ slug: 'swinir-getting-started', url: expect.stringMatching(/^http/) });
    expect(await content.getModelGuides('bfl-flux-1-dev')).toEqual([]);
    expect(await content.getModelGuides('no-such-model')).toEqual([]);
  });
});

describe('content client: collections, capabilities, creators', () => {
  it('lists collections (by category) and gets one with its models inlined', async () => {
    const collections = await content.listCollections();
    expect(collections.map((c) => c.id)).toContain('image-generation');
    const video = await content.listCollections({ category: 'video' });
    expect(video.length).toBeGreaterThan(0);
    expect(video.every((c) => c.category.includes('video'))).toBe(true);
    expect(video.length).toBeLessThan(collections.length);

    const one = await content.getCollection('image-generation');
    expect(one?.models[0]).toMatchObject({ model: expect.any(String), air: expect.any(String) });
    expect(await content.getCollection('no-such-collection')).toBeNull();
  });

  it('lists capabilities and creators, and gets a creator', async () => {
    const capabilities = await content.listCapabilities();
    expect(capabilities).toContainEqual({ id: 'io:text-to-image', label: 'Text to image' });
    const creators = await content.listCreators();
    expect(creators.map((c) => c.id)).toContain('google');
    const google = await content.getCreator('google');
    expect(google?.name).toEqual(expect.any(String));
    expect(google?.models.every((m) => m.creator === 'google')).toBe(true);
    expect(await content.getCreator('no-such-creator')).toBeNull();
  });

  it('sends no API key or Authorization header, only GETs asking for JSON', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const request of seen) {
      expect(request.headers.get('authorization')).toBeNull();
      expect([...request.headers.keys()]).toEqual(['accept']);
      expect(request.url).not.toContain(emulator.apiKey);
    }
  });
});

describe('client.content on a core client', () => {
  const transport = {
    name: 'unused',
    capabilities: { streaming: false, push: false },
    send: () => Promise.reject(new Error('no task is sent')),
    close: async () => {},
  } as never;

  it('is the content client passed as `content`, configured from the client config', async () => {
    const client = createRunwareClient({
      config: { apiKey: 'core-content-key-123', contentBaseUrl: emulator.contentUrl },
      transport,
      content: createContentClient,
    });
    expect(await client.content.getModel('runware:101@1')).toMatchObject({ model: 'bfl-flux-1-dev' });
    await client.close();
  });

  it('without `content`, rejects every call with invalidConfig naming the option', async () => {
    const client = createRunwareClient({ config: { apiKey: 'core-content-key-123' }, transport });
    const error = await rejectionOf(client.content.listModels(), isRunwareError);
    expect(error).toMatchObject({ rawCode: 'invalidConfig', parameter: 'content' });
    expect(error.message).toContain('createContentClient');
    await expect(client.content.getModel('x')).rejects.toMatchObject({ parameter: 'content' });
    // Not a thenable: awaiting it gives the object back instead of hanging.
    expect(await Promise.resolve(client.content)).toBe(client.content);
    await client.close();
  });
});
