import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSlug, emitModels } from '../src/emit-models';
import { planTypes } from '../src/plan';
import type { Snapshot } from '../src/snapshot';
import { fixture } from './fixture';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Emits `models.ts` for a snapshot and imports it (its only imports are types, erased on load). */
async function loadModels(snapshot: Snapshot): Promise<{ text: string; models: Record<string, unknown> }> {
  const dir = await mkdtemp(join(tmpdir(), 'emit-models-'));
  dirs.push(dir);
  const text = emitModels(planTypes(snapshot));
  await writeFile(join(dir, 'models.ts'), text);
  return { text, models: (await import(join(dir, 'models.ts'))).models };
}

describe('emitModels: the packed models table', () => {
  it('unpacks to every model of the snapshot, slugs given or derived', async () => {
    const snapshot = fixture();
    const { models } = await loadModels(snapshot);
    const expected = Object.fromEntries(
      Object.entries(snapshot.models).map(([air, m]) => [
        air,
        { taskType: m.taskType, id: m.slug, slug: m.slug },
      ]),
    );
    expect(models).toEqual(expected);
    // The fixture has both kinds, so both paths of the unpacking ran.
    const derived = Object.entries(snapshot.models).filter(([air, m]) => m.slug === defaultSlug(air));
    expect(derived.length).toBeGreaterThan(0);
    expect(derived.length).toBeLessThan(Object.keys(snapshot.models).length);
  });

  it('writes a slug into its row only when it differs from the default one', async () => {
    const snapshot = fixture();
    const [air, model] = Object.entries(snapshot.models)[0] as [string, Snapshot['models'][string]];
    snapshot.models = {
      [air]: { ...model, slug: defaultSlug(air) },
      'acme:custom@1': { ...model, slug: 'hand-picked' },
    };
    const { text, models } = await loadModels(snapshot);
    // Rows are sorted by AIR.
    expect(text).toContain(`const packedModels = "acme:custom@1 0 hand-picked,${air} 0";`);
    expect(models['acme:custom@1']).toEqual({
      taskType: model.taskType,
      id: 'hand-picked',
      slug: 'hand-picked',
    });
  });

  it('derives the default slug from the AIR as the curated list does', () => {
    expect(defaultSlug('xai:grok@4.3')).toBe('xai-grok-4-3');
    expect(defaultSlug('vidu:q1@image')).toBe('vidu-q1-image');
  });

  it('refuses an AIR or slug that would break the row format', () => {
    const snapshot = fixture();
    const [air, model] = Object.entries(snapshot.models)[0] as [string, Snapshot['models'][string]];
    snapshot.models = { [air]: { ...model, slug: 'two words' } };
    expect(() => emitModels(planTypes(snapshot))).toThrow(/"two words" holds a space or comma/);
  });
});
