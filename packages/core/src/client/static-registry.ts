import type { ModelInfoV1, RegistryV1 } from '../spec/registry-v1';

export interface StaticRegistryTables {
  /** AIR → { taskType, slug }: the curated model list (`models` of `@runware/types`). */
  models: Readonly<Record<string, { taskType: string; slug?: string }>>;
  /** Architecture, modality and operation keys → taskType. */
  keys?: Readonly<Record<string, string>>;
}

/**
 * A registry over fixed tables: offline, instant, no refresh. The SDK feeds it the bundled
 * tables of `@runware/types`; `@runware/registry` adds the live model list on top.
 */
export function createStaticRegistry(tables: StaticRegistryTables): RegistryV1 {
  const bySlug = new Map<string, ModelInfoV1>();
  for (const [air, model] of Object.entries(tables.models)) {
    if (model.slug) bySlug.set(model.slug, { air, taskType: model.taskType, slug: model.slug });
  }
  return {
    specificationVersion: 'v1',
    async lookup(model) {
      const entry = tables.models[model];
      if (entry) return { air: model, taskType: entry.taskType, ...(entry.slug ? { slug: entry.slug } : {}) };
      return bySlug.get(model);
    },
    async taskTypeOfKey(key) {
      return tables.keys?.[key];
    },
    async refresh() {},
  };
}
