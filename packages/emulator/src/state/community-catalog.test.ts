import snapshot from '@runware/types/api-snapshot.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../rng';
import { communityCatalog, generateCommunityCatalog, mayBeGenerated } from './community-catalog';
import { communityModels } from './community-models';

const catalog = communityCatalog();
const named = (word: string) => catalog.filter((m) => m.name.toLowerCase().includes(word));

describe('generated community catalog', () => {
  it('holds thousands of models with unique, well-formed AIRs', () => {
    expect(catalog.length).toBeGreaterThan(5_000);
    expect(new Set(catalog.map((m) => m.air)).size).toBe(catalog.length);
    for (const m of catalog) expect(m.air).toMatch(/^civitai:\d+@\d+$/);
  });

  it('is the same catalog on every run: pinned by a fingerprint of every AIR and name', () => {
    const again = generateCommunityCatalog();
    expect(again).toEqual(catalog);
    // Changing the word lists, counts or draw order changes AIRs users may have hard-coded:
    // update this pin deliberately, and say so in the changelog.
    expect(catalog.length).toBe(6589);
    expect(fnv1a(catalog.map((m) => `${m.air} ${m.name}`).join('\n')).toString(16)).toBe('50601f15');
  });

  it('spans every community architecture of the snapshot and the main categories', () => {
    const architectures = new Set(catalog.map((m) => m.architecture));
    for (const id of architectures) expect(Object.keys(snapshot.architectures)).toContain(id);
    const expected = Object.keys(snapshot.architectures).filter((id) => id !== 'exactly-illustrative');
    expect([...architectures].sort()).toEqual(expected.sort());
    const categories = new Set(catalog.map((m) => m.category));
    expect([...categories].sort()).toEqual(['checkpoint', 'embeddings', 'lora', 'lycoris', 'vae']);
  });

  it('has the names people search for', () => {
    expect(catalog.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'Juggernaut XL v9',
        'Realistic Vision v6.0 B1',
        'Anime Pastel Dream Soft Baked',
      ]),
    );
    for (const word of ['realistic', 'juggernaut', 'anime', 'portrait'])
      expect(named(word).length).toBeGreaterThan(10);
  });

  it('never reuses an AIR of the fixtures or the curated list', () => {
    const taken = new Set([...communityModels.map((m) => m.air), ...Object.keys(snapshot.models)]);
    expect(catalog.filter((m) => taken.has(m.air))).toEqual([]);
  });

  it('gives listings whose dates are ordered and whose LoRAs have trigger words', () => {
    for (const m of catalog) {
      expect(m.listing?.updatedAt).toBeGreaterThanOrEqual(m.listing?.addedAt ?? 0);
      if (m.category === 'lora') expect(m.listing?.positiveTriggerWords).toEqual(expect.any(String));
    }
  });

  it('tells which AIRs can be generated ones, so other unknown AIRs skip building it', () => {
    expect(catalog.every((m) => mayBeGenerated(m.air))).toBe(true);
    expect(mayBeGenerated('civitai:1@1')).toBe(false);
    expect(mayBeGenerated('civitai:999@1')).toBe(false);
    expect(mayBeGenerated('runware:101@1')).toBe(false);
  });

  it('is built once per process, and building it again gives the same catalog', () => {
    // Its cost (10–90 ms, once) is in the README; a timed assertion would only be flaky here.
    expect(communityCatalog()).toBe(catalog);
    expect(generateCommunityCatalog()).toEqual(catalog);
  });
});
