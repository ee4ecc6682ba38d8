import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTask, startTestEmulator, useEmulator } from '../src/testing/index';
import { emulatorOptions, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());

interface Found {
  air: string;
  name: string;
  category: string;
  architecture: string | null;
  source: string;
  private: boolean;
}

async function search(params: Record<string, unknown>, on = emulator) {
  const { status, body } = await post(on, [{ taskType: 'modelSearch', taskUUID: uuid(), ...params }]);
  expect(status, JSON.stringify(body)).toBe(200);
  const { totalResults, results } = (body.data?.[0] ?? {}) as { totalResults: number; results: Found[] };
  return { totalResults, results };
}

describe('modelSearch over the community catalog', () => {
  it.each(['realistic', 'juggernaut', 'anime', 'portrait'])('finds many models for "%s"', async (word) => {
    const found = await search({ search: word, limit: 100 });
    expect(found.totalResults).toBeGreaterThan(20);
    expect(found.results).toHaveLength(Math.min(100, found.totalResults));
    const community = found.results.filter((r) => r.source === 'community');
    expect(community.length).toBeGreaterThan(0);
    // Name matches outnumber description-only ones: the names are made of these words.
    expect(found.results.filter((r) => r.name.toLowerCase().includes(word)).length).toBeGreaterThan(10);
  });

  it('finds the well-known names, with every word of a multi-word search', async () => {
    const found = await search({ search: 'juggernaut xl v9' });
    expect(found.results.map((r) => r.name)).toContain('Juggernaut XL v9');
    for (const r of found.results) expect(r.name.toLowerCase()).toMatch(/juggernaut/);
    const vision = await search({ search: 'Realistic Vision', category: 'checkpoint' });
    expect(vision.results.map((r) => r.name)).toContain('Realistic Vision v6.0 B1');
  });

  it('applies category, architecture and source to the generated catalog', async () => {
    const found = await search({ search: 'anime', category: 'lora', architecture: 'illustrious', limit: 50 });
    expect(found.totalResults).toBeGreaterThan(5);
    for (const r of found.results) {
      expect(r).toMatchObject({ category: 'lora', architecture: 'illustrious', source: 'community' });
    }
    const embeddings = await search({ search: '', category: 'embeddings', architecture: 'sd-1-5' });
    expect(embeddings.totalResults).toBeGreaterThan(100);
    const featured = await search({ search: 'juggernaut', source: 'featured', limit: 100 });
    for (const r of featured.results) expect(r.source).toBe('featured');
  });

  it('gives curated models their architecture', async () => {
    const found = await search({ search: 'runware:101@1', source: 'featured' });
    expect(found.results[0]).toMatchObject({ air: 'runware:101@1', architecture: 'flux-1-dev' });
    const closed = await search({ search: 'google:4@1', source: 'featured' });
    expect(closed.results[0]).toMatchObject({ air: 'google:4@1', architecture: null });
    const flux = await search({ search: '', architecture: 'flux-1-dev', source: 'featured', limit: 100 });
    expect(flux.results.map((r) => r.air)).toContain('runware:101@1');
  });

  it('pages without gaps or repeats', async () => {
    const whole = await search({ search: 'portrait', limit: 60 });
    const pages = [];
    for (let offset = 0; offset < 60; offset += 20) {
      pages.push(...(await search({ search: 'portrait', limit: 20, offset })).results.map((r) => r.air));
    }
    expect(pages).toEqual(whole.results.map((r) => r.air));
    const past = await search({ search: 'portrait', offset: whole.totalResults });
    expect(past).toMatchObject({ totalResults: whole.totalResults, results: [] });
  });

  it('answers the same whatever the emulator seed, for every sort', async () => {
    const other = await startTestEmulator(emulatorOptions({ seed: 987 }));
    try {
      for (const sort of ['-popularity', 'name', '-addedUnixTimestamp', 'updatedDateUnixTimestamp']) {
        const params = { search: 'realistic', sort, limit: 30, offset: 10 };
        expect(await search(params, other)).toEqual(await search(params));
      }
    } finally {
      await other.close();
    }
  });

  it('lists what a user can then run: a found community model validates against its architecture', async () => {
    const [checkpoint] = (
      await search({ search: 'juggernaut', category: 'checkpoint', architecture: 'sdxl' })
    ).results;
    const air = String(checkpoint?.air);
    const ran = await post(emulator, [
      imageTask({ model: air, positivePrompt: 'a fox', width: 16, height: 16, deliveryMethod: 'sync' }),
    ]);
    expect(ran.status, JSON.stringify(ran.body)).toBe(200);
    const task: Record<string, unknown> = imageTask({
      model: air,
      positivePrompt: 'a fox',
      deliveryMethod: 'sync',
    });
    delete task.width;
    delete task.height;
    const missing = await post(emulator, [task]);
    expect(missing.body.errors?.[0]).toMatchObject({ code: 'missingWidth', parameter: 'width' });
  });

  it('still rejects parameters the snapshot does not list, such as tags', async () => {
    const { status, body } = await post(emulator, [
      { taskType: 'modelSearch', taskUUID: uuid(), search: 'anime', tags: ['anime'] },
    ]);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ code: 'unknownParameter', parameter: 'tags' });
  });
});
