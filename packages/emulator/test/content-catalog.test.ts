import { models } from '@runware/types';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentModel, findModel, handleContentRequest } from '../src/content/index';

const catalog = buildCatalog(models);
const airs = Object.keys(models);
const entryOf = (air: string) => {
  const entry = catalog.entries.find((e) => e.model.air === air);
  if (entry === undefined) throw new Error(`no entry for ${air}`);
  return entry;
};

const CATEGORY_OF_TASK: Record<string, string> = {
  imageInference: 'image',
  videoInference: 'video',
  audioInference: 'audio',
  textInference: 'text',
  promptEnhance: 'text',
  '3dInference': '3d',
  imageMasking: 'image',
  controlNetPreprocess: 'image',
  vectorize: 'image',
  training: 'image',
};

describe('buildCatalog over the curated models', () => {
  it('holds exactly one entry per curated AIR, with its slug as the model id', () => {
    expect(catalog.entries).toHaveLength(airs.length);
    expect(airs.length).toBe(350);
    for (const [air, source] of Object.entries(models)) {
      const entry = entryOf(air);
      expect(entry.model.model).toBe(source.slug);
      expect(entry.taskType).toBe(source.taskType);
    }
  });

  it('is deterministic: two builds, and a build from shuffled keys, are deep-equal', () => {
    const again = buildCatalog(models);
    expect(again).toEqual(catalog);
    const reversed = Object.fromEntries(Object.entries(models).reverse());
    expect(buildCatalog(reversed)).toEqual(catalog);
    expect(JSON.stringify(handleContentRequest(again, 'GET', '/models', new URLSearchParams()).body)).toBe(
      JSON.stringify(handleContentRequest(catalog, 'GET', '/models', new URLSearchParams()).body),
    );
  });

  it('derives the category from the task type; image and video operations follow their media', () => {
    for (const entry of catalog.entries) {
      const expected =
        CATEGORY_OF_TASK[entry.taskType] ??
        (/(^|-)video(-|$)|starlight/.test(entry.model.model) ? 'video' : 'image');
      expect(entry.category, entry.model.model).toBe(expected);
    }
    expect(entryOf('bria:50@1').category).toBe('video'); // bria-video-increase-resolution
    expect(entryOf('runware:504@1').category).toBe('image'); // real-esrgan
  });

  it('gives every model capabilities that fit its task type', () => {
    const io: Record<string, RegExp> = {
      imageInference: /^io:(text|image)-to-image$/,
      videoInference: /^io:(text|image|video|audio)-to-video$/,
      audioInference: /^io:(text|video|audio)-to-(speech|audio)$/,
      textInference: /^io:(text|image)-to-text$/,
      '3dInference': /^io:(text|image)-to-3d$/,
    };
    const op: Record<string, string> = {
      upscale: 'op:upscale',
      removeBackground: 'op:remove-background',
      caption: 'op:caption',
      imageMasking: 'op:mask',
      controlNetPreprocess: 'op:controlnet-preprocess',
      vectorize: 'op:vectorize',
      training: 'op:train',
      promptEnhance: 'op:prompt-enhance',
    };
    for (const { model, taskType } of catalog.entries) {
      expect(model.capabilities.length, model.model).toBeGreaterThan(0);
      expect(new Set(model.capabilities).size).toBe(model.capabilities.length);
      const pattern = io[taskType];
      if (pattern !== undefined) {
        const ios = model.capabilities.filter((c) => c.startsWith('io:'));
        expect(ios.length, model.model).toBeGreaterThan(0);
        for (const c of ios) expect(c, model.model).toMatch(pattern);
      } else {
        expect(model.capabilities, model.model).toContain(op[taskType]);
      }
      for (const c of model.capabilities) expect(c).toMatch(/^(io|op|form):[a-z0-9-]+$/);
    }
    expect(entryOf('runware:101@1').model.capabilities).toEqual(['io:text-to-image', 'form:open-weights']);
    expect(entryOf('google:3@2').model.capabilities).toEqual(['io:text-to-video', 'io:image-to-video']);
    expect(entryOf('minimax:speech@2.8').model.capabilities).toContain('io:text-to-speech');
    expect(entryOf('minimax:music@2.6').model.capabilities).toContain('io:text-to-audio');
    expect(entryOf('runware:100@1').model.capabilities).toContain('form:fast'); // FLUX.1 schnell
  });

  it('derives creators from the slug vendor, then the AIR source', () => {
    expect(entryOf('runware:101@1').model.creator).toBe('black-forest-labs');
    expect(entryOf('bfl:2@1').model.creator).toBe('black-forest-labs');
    expect(entryOf('google:4@1').model.creator).toBe('google');
    expect(entryOf('klingai:5@1').model.creator).toBe('kling-ai');
    expect(entryOf('runware:504@1').model.creator).toBe('runware');
    expect(entryOf('civitai:101055@128078').model.creator).toBe('stability-ai');
    const ids = new Set(catalog.creators.map((c) => c.id));
    for (const { model } of catalog.entries) expect(ids.has(model.creator), model.creator).toBe(true);
  });

  it('names models readably from their slugs', () => {
    expect(entryOf('runware:101@1').model.name).toBe('FLUX 1 Dev');
    expect(entryOf('alibaba:qwen@3.5-27b').model.name).toBe('Qwen3.5 27B');
    expect(entryOf('openai:4@1').model.name).toBe('GPT Image 1.5');
    expect(entryOf('klingai:5@2').model.name).toBe('Kling AI 2.1 Pro');
    for (const { model } of catalog.entries) {
      expect(model.name, model.model).not.toMatch(/-|^\s|\s$|\s{2}/);
      expect(model.name.length).toBeGreaterThan(1);
    }
  });

  it('uses each status at least once and keeps their invariants', () => {
    const statuses = catalog.entries.map((e) => e.model.status);
    for (const s of ['live', 'deprecated', 'coming-soon', 'openai-compatible']) expect(statuses).toContain(s);
    expect(statuses.filter((s) => s === 'live').length).toBeGreaterThan(330);
    for (const { model, taskType } of catalog.entries) {
      if (model.status === 'deprecated') {
        expect(model.replacedBy, model.model).toBeDefined();
        const successor = findModel(catalog, model.replacedBy ?? '');
        expect(successor?.model.status).toBe('live');
        expect(successor?.model.creator).toBe(model.creator);
        expect((successor?.model.releasedAt ?? '') > model.releasedAt).toBe(true);
      } else {
        expect(model).not.toHaveProperty('replacedBy');
      }
      if (model.status === 'openai-compatible') expect(taskType).toBe('textInference');
      if (model.status === 'coming-soon') {
        expect(model).not.toHaveProperty('pricingOverview');
        expect(model).not.toHaveProperty('pricingExamples');
      } else {
        expect(model.pricingOverview).toMatch(/^From \$\d+\.\d{2,} per /);
        expect(model.pricingExamples?.length).toBeGreaterThan(0);
      }
    }
  });

  it('derives dates, weights, media paths and prices of the right form', () => {
    for (const { model } of catalog.entries) {
      expect(model.releasedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${model.releasedAt}T00:00:00Z`).toISOString().slice(0, 10)).toBe(model.releasedAt);
      expect(Number.isInteger(model.weight)).toBe(true);
      expect(model.weight).toBeGreaterThanOrEqual(1);
      expect(model.weight).toBeLessThanOrEqual(1000);
      expect(model.coverImage).toBe(`/media/cover/${model.model}.jpg`);
      expect(model.headline.length).toBeGreaterThan(10);
      expect(model.description).toContain(model.air);
      for (const p of model.pricingExamples ?? []) {
        expect(p.price).toBeGreaterThan(0);
        if (p.competitorPrice !== undefined) expect(p.competitorPrice).toBeGreaterThan(p.price);
      }
    }
    const dates = new Set(catalog.entries.map((e) => e.model.releasedAt));
    expect(dates.size).toBeGreaterThan(200);
  });

  it('gives architecture ids only to open-weights families Runware hosts', () => {
    expect(entryOf('runware:101@1').model.architecture).toBe('flux-1-dev');
    expect(entryOf('runware:100@1').model.architecture).toBe('flux-1-schnell');
    expect(entryOf('runware:z-image@turbo').model.architecture).toBe('z-image-turbo');
    expect(entryOf('civitai:101055@128078').model.architecture).toBe('sdxl');
    for (const { model } of catalog.entries) {
      if (model.architecture !== undefined) expect(model.hosted, model.model).toBe(true);
    }
    expect(entryOf('bfl:2@1').model).not.toHaveProperty('architecture');
  });

  it('freezes what it hands out', () => {
    const model = entryOf('runware:101@1').model as ContentModel;
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.capabilities)).toBe(true);
    expect(() => {
      model.name = 'changed';
    }).toThrow(TypeError);
  });

  it('prefixes every URL with baseUrl', () => {
    const prefixed = buildCatalog(models, { baseUrl: 'http://127.0.0.1:4321/' });
    const model = findModel(prefixed, 'bfl-flux-1-dev');
    expect(model?.model.coverImage).toBe('http://127.0.0.1:4321/media/cover/bfl-flux-1-dev.jpg');
    expect(model?.model.ogImage).toBe('http://127.0.0.1:4321/media/og/bfl-flux-1-dev.jpg');
    expect(model?.examples[0]?.asset).toMatch(/^http:\/\/127\.0\.0\.1:4321\/media\/examples\//);
    expect(prefixed.creators[0]?.logo).toMatch(/^http:\/\/127\.0\.0\.1:4321\/media\/creator\//);
    expect(prefixed.collections[0]?.icon).toMatch(/^http:\/\/127\.0\.0\.1:4321\//);
    const guided = prefixed.entries.find((e) => e.guides.length > 0);
    expect(guided?.guides[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4321\/guides\//);
  });
});

describe('buildCatalog over other models maps', () => {
  it('includes a model added at runtime, with a fallback creator for an unknown source', () => {
    const extended = buildCatalog({
      ...models,
      'acme:painter@2': { taskType: 'imageInference', slug: 'acme-painter-2' },
    });
    expect(extended.entries).toHaveLength(351);
    const added = findModel(extended, 'acme:painter@2');
    expect(added?.model).toMatchObject({
      model: 'acme-painter-2',
      air: 'acme:painter@2',
      name: 'Acme Painter 2',
      creator: 'acme',
      status: 'live',
      capabilities: ['io:text-to-image'],
    });
    expect(extended.creatorsById.get('acme')?.models.map((m) => m.air)).toEqual(['acme:painter@2']);
    // The other models do not change when one is added.
    expect(findModel(extended, 'runware:101@1')?.model).toEqual(findModel(catalog, 'runware:101@1')?.model);
  });

  it('keeps deprecated models live when their successor is missing, and tolerates an empty map', () => {
    const alone = buildCatalog({
      'klingai:1@1': { taskType: 'videoInference', slug: 'klingai-1-0-standard' },
    });
    expect(findModel(alone, 'klingai-1-0-standard')?.model.status).toBe('live');
    const empty = buildCatalog({});
    expect(empty.entries).toEqual([]);
    expect(handleContentRequest(empty, 'GET', '/models', new URLSearchParams()).body).toEqual([]);
    expect(handleContentRequest(empty, 'GET', '/collections', new URLSearchParams()).body).toEqual([]);
  });

  it('invents a slug when an entry has none', () => {
    const odd = buildCatalog({ 'acme:x@1': { taskType: 'fooInference', slug: '' } });
    expect(odd.entries[0]?.model.model).toBe('acme-x-1');
    expect(odd.entries[0]?.category).toBe('image');
  });
});
