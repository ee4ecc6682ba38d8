import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../state/model-registry';
import { searchModels } from './model-search';

const listing = (downloads: number, addedAt: number) => ({ downloads, addedAt, updatedAt: addedAt + 10 });

const models: ModelRecord[] = [
  {
    air: 'runware:101@1',
    name: 'Bfl Flux 1 Dev',
    taskType: 'imageInference',
    category: 'checkpoint',
    source: 'curated',
    architecture: 'flux-1-dev',
  },
  {
    air: 'civitai:20001@30001',
    name: 'Juggernaut XL v9',
    taskType: 'imageInference',
    category: 'checkpoint',
    source: 'community',
    architecture: 'sdxl',
    listing: { ...listing(900, 300), shortDescription: 'Realistic SDXL checkpoint, great for portraits.' },
  },
  {
    air: 'civitai:20002@30002',
    name: 'Anime Eyes Slider XL v1',
    taskType: 'imageInference',
    category: 'lora',
    source: 'community',
    architecture: 'sdxl',
    listing: { ...listing(50, 100), positiveTriggerWords: 'anime eyes' },
  },
  {
    air: 'civitai:20003@30003',
    name: 'Realistic Vision v6.0',
    taskType: 'imageInference',
    category: 'checkpoint',
    source: 'community',
    architecture: 'sd-1-5',
    listing: listing(900, 200),
  },
  { air: 'me:mine@1', name: 'Mine', taskType: 'imageInference', category: 'checkpoint', source: 'uploaded' },
  {
    air: 'runware:35@1',
    name: 'Yolov8n Face',
    taskType: 'imageMasking',
    category: 'checkpoint',
    source: 'curated',
  },
];
const airs = (params: Record<string, unknown>) => searchModels(models, params).results.map((r) => r.air);

describe('searchModels', () => {
  it('needs every word of the search somewhere in the name, AIR, architecture or description', () => {
    expect(airs({ search: 'juggernaut xl' })).toEqual(['civitai:20001@30001']);
    expect(airs({ search: 'XL juggernaut' })).toEqual(['civitai:20001@30001']);
    expect(airs({ search: 'portraits' })).toEqual(['civitai:20001@30001']);
    expect(airs({ search: 'juggernaut anime' })).toEqual([]);
    expect(searchModels(models, { search: '' }).totalResults).toBe(models.length);
  });

  it('filters on category, architecture, source, capabilities and visibility', () => {
    expect(airs({ search: '', category: 'lora' })).toEqual(['civitai:20002@30002']);
    expect(airs({ search: '', architecture: 'sdxl', category: 'checkpoint' })).toEqual([
      'civitai:20001@30001',
    ]);
    expect(airs({ search: '', source: 'featured' }).sort()).toEqual(['runware:101@1', 'runware:35@1']);
    expect(airs({ search: '', capabilities: ['imageMasking'] })).toEqual(['runware:35@1']);
    expect(airs({ search: '', visibility: 'private' })).toEqual(['me:mine@1']);
    expect(airs({ search: '', visibility: 'public' })).not.toContain('me:mine@1');
    expect(airs({ search: '', visibility: 'favorite' })).toEqual([]);
  });

  it('sorts featured first, then by downloads, ties by AIR; and by name or date when asked', () => {
    const byPopularity = airs({ search: '', source: 'community' });
    expect(byPopularity.slice(0, 2)).toEqual(['civitai:20001@30001', 'civitai:20003@30003']);
    expect(airs({ search: 'civitai', sort: 'name' })).toEqual([
      'civitai:20002@30002',
      'civitai:20001@30001',
      'civitai:20003@30003',
    ]);
    expect(airs({ search: 'civitai', sort: '-name' })[0]).toBe('civitai:20003@30003');
    expect(airs({ search: 'civitai', sort: 'addedUnixTimestamp' })).toEqual([
      'civitai:20002@30002',
      'civitai:20003@30003',
      'civitai:20001@30001',
    ]);
    expect(airs({ search: '', sort: '-addedUnixTimestamp' })[0]).toBe('me:mine@1');
  });

  it('pages with limit and offset over a stable order, and reports listing fields', () => {
    const all = airs({ search: '', limit: 100 });
    expect([...airs({ search: '', limit: 2 }), ...airs({ search: '', limit: 2, offset: 2 })]).toEqual(
      all.slice(0, 4),
    );
    const [lora] = searchModels(models, { search: 'anime' }).results;
    expect(lora).toMatchObject({ positiveTriggerWords: 'anime eyes', source: 'community', private: false });
    expect(searchModels(models, { search: '', limit: 1 }).totalResults).toBe(models.length);
  });
});
