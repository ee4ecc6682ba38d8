import type { ModelInfoV1, StaticRegistryTables } from '@runware/core';
import type { RemoteRegistry } from './parse-registry';

/** One immutable view of the model list. Maps, not records, so `constructor` or `__proto__` never match. */
export interface RegistrySnapshot {
  readonly models: ReadonlyMap<string, ModelInfoV1>;
  readonly bySlug: ReadonlyMap<string, ModelInfoV1>;
  readonly keys: ReadonlyMap<string, string>;
}

const info = (air: string, taskType: string, slug: string | undefined): ModelInfoV1 =>
  Object.freeze(slug ? { air, taskType, slug } : { air, taskType });

function indexSlugs(models: Iterable<ModelInfoV1>, into: Map<string, ModelInfoV1>) {
  for (const model of models) if (model.slug) into.set(model.slug, model);
}

/** The snapshot of the bundled tables. */
export function snapshotOf(tables: StaticRegistryTables): RegistrySnapshot {
  const models = new Map<string, ModelInfoV1>();
  for (const [air, entry] of Object.entries(tables.models)) {
    if (typeof entry?.taskType === 'string') models.set(air, info(air, entry.taskType, entry.slug));
  }
  const bySlug = new Map<string, ModelInfoV1>();
  indexSlugs(models.values(), bySlug);
  return { models, bySlug, keys: new Map(Object.entries(tables.keys ?? {})) };
}

/**
 * `base` with the remote list on top: remote models and keys are added or win. A remote model
 * without a slug keeps the bundled one, so a slug users already write keeps working.
 */
export function withRemote(base: RegistrySnapshot, remote: RemoteRegistry): RegistrySnapshot {
  const models = new Map(base.models);
  const overridden: ModelInfoV1[] = [];
  for (const [air, entry] of remote.models) {
    const model = info(air, entry.taskType, entry.slug ?? base.models.get(air)?.slug);
    models.set(air, model);
    overridden.push(model);
  }
  const bySlug = new Map<string, ModelInfoV1>();
  // Bundled slugs first, then remote ones, so the remote list wins a slug both claim.
  indexSlugs(
    [...base.models.values()].filter((model) => !remote.models.has(model.air)),
    bySlug,
  );
  indexSlugs(overridden, bySlug);
  const keys = new Map(base.keys);
  for (const [key, taskType] of remote.keys) keys.set(key, taskType);
  return { models, bySlug, keys };
}

/**
 * Slug rewriting (PROTOCOL §10): something shaped like an AIR is only ever an AIR; anything else is
 * a models key first, then a slug.
 */
export function findModel(snapshot: RegistrySnapshot, model: string): ModelInfoV1 | undefined {
  const byAir = snapshot.models.get(model);
  if (byAir || (model.includes(':') && model.includes('@'))) return byAir;
  return snapshot.bySlug.get(model);
}
