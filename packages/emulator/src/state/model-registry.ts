import { taskTypeSchemaKeys } from '@runware/types';
import type { JsonSchema } from '@runware/types/schemas';
import { architectureOf } from '../content/model-architecture';
import { type SnapshotData, schemaEntry } from '../snapshot-data';
import { communityCatalog, mayBeGenerated } from './community-catalog';
import { communityModels, type ModelListing } from './community-models';

export interface ModelRecord {
  air: string;
  taskType: string;
  slug?: string;
  name: string;
  architecture?: string;
  category: string;
  source: 'curated' | 'community' | 'runtime' | 'uploaded';
  private?: boolean;
  /** Downloads, dates, description: generated community models carry them (see modelSearch). */
  listing?: ModelListing;
}

export interface NewModel {
  air: string;
  taskType: string;
  slug?: string | undefined;
  name?: string | undefined;
  architecture?: string | undefined;
  category?: string | undefined;
}

export interface ModelRegistry {
  get(air: string): ModelRecord | undefined;
  /** Curated, fixture and added models: what the content service and registry.json are built from. */
  all(): ModelRecord[];
  /** Every model modelSearch lists: {@link all} plus the generated community catalog (built lazily). */
  searchable(): ModelRecord[];
  /** Adds or replaces a model and bumps the registry version. */
  add(model: NewModel, source: 'runtime' | 'uploaded'): ModelRecord;
  version(): string;
  /** The body of `GET /schemas/registry.json`. */
  document(): unknown;
  /** The schema key that validates this model's requests: its architecture, else its task type's. */
  schemaKeyFor(record: ModelRecord): string | undefined;
  /** The body of `GET /schemas/resolve/<AIR>`, or undefined for an unknown model. */
  resolve(
    air: string,
  ):
    | { requestSchema: JsonSchema | null; responseSchema: JsonSchema | null; documentation: string | null }
    | undefined;
  reset(): void;
}

const airPattern = /^[A-Za-z0-9.-]+:[A-Za-z0-9.-]+@[A-Za-z0-9.-]+$/;

export function isAir(value: string): boolean {
  return airPattern.test(value);
}

function readableName(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Curated models from the snapshot, the community fixtures and catalog, and models added while running. */
export function createModelRegistry(data: SnapshotData): ModelRegistry {
  const base = new Map<string, ModelRecord>();
  for (const [air, model] of Object.entries(data.models)) {
    const architecture = architectureOf(air, model.slug);
    base.set(air, {
      air,
      taskType: model.taskType,
      slug: model.slug,
      name: readableName(model.slug),
      category: 'checkpoint',
      source: 'curated',
      ...(architecture ? { architecture } : {}),
    });
  }
  for (const model of communityModels) base.set(model.air, { ...model, source: 'community' });
  // The generated catalog joins on first need: most emulators never search, and its records are
  // shared read-only data, wrapped once per registry so `source` is set without copying per call.
  let generated: Map<string, ModelRecord> | undefined;
  const generatedModels = () => {
    generated ??= new Map(
      communityCatalog()
        .filter((model) => !base.has(model.air))
        .map((model) => [model.air, { ...model, source: 'community' as const }]),
    );
    return generated;
  };

  let added = new Map<string, ModelRecord>();
  let revision = 0;
  const lookup = (air: string) =>
    added.get(air) ?? base.get(air) ?? (mayBeGenerated(air) ? generatedModels().get(air) : undefined);
  const taskTypeTables = (section: 'architectures' | 'modalities' | 'operations') =>
    Object.fromEntries(Object.entries(data[section]).map(([key, entry]) => [key, entry.taskType]));

  const registry: ModelRegistry = {
    get: lookup,
    all: () => [...new Map([...base, ...added]).values()],
    searchable: () => [
      ...[...base.values(), ...generatedModels().values()].filter((m) => !added.has(m.air)),
      ...added.values(),
    ],
    add(model, source) {
      if (!isAir(model.air)) throw new TypeError(`air "${model.air}" is not of the form source:id@version`);
      const record: ModelRecord = {
        air: model.air,
        taskType: model.taskType,
        name: model.name ?? model.air,
        category: model.category ?? 'checkpoint',
        source,
        ...(model.slug ? { slug: model.slug } : {}),
        ...(model.architecture ? { architecture: model.architecture } : {}),
      };
      added.set(record.air, record);
      revision += 1;
      return record;
    },
    version: () => `${data.snapshotVersion}.${revision}`,
    document() {
      const models: Record<string, { taskType: string; id?: string }> = {};
      for (const record of registry.all()) {
        if (record.source === 'community' || record.source === 'uploaded') continue;
        models[record.air] = { taskType: record.taskType, ...(record.slug ? { id: record.slug } : {}) };
      }
      return {
        version: registry.version(),
        models,
        architectureTaskTypes: taskTypeTables('architectures'),
        modalityTaskTypes: taskTypeTables('modalities'),
        operationTaskTypes: taskTypeTables('operations'),
      };
    },
    schemaKeyFor(record) {
      // Curated models validate against their task type's schema, as `/resolve` documents them;
      // their architecture is informative (modelSearch, the content service).
      if (record.source !== 'curated' && record.architecture && data.architectures[record.architecture])
        return record.architecture;
      return (taskTypeSchemaKeys as Record<string, string>)[record.taskType];
    },
    resolve(air) {
      const record = lookup(air);
      if (!record) return undefined;
      const key = registry.schemaKeyFor(record);
      const entry = key ? schemaEntry(data, key) : undefined;
      return {
        requestSchema: entry?.requestSchema ?? null,
        responseSchema: entry?.responseSchema ?? null,
        documentation: record.slug ? `https://runware.ai/docs/models/${record.slug}` : null,
      };
    },
    reset() {
      added = new Map();
      revision = 0;
    },
  };
  return registry;
}
