import { taskTypeSchemaKeys } from '@runware/types';
import type { JsonSchema } from '@runware/types/schemas';
import { type SnapshotData, schemaEntry } from '../snapshot-data';
import { communityModels } from './community-models';

export interface ModelRecord {
  air: string;
  taskType: string;
  slug?: string;
  name: string;
  architecture?: string;
  category: string;
  source: 'curated' | 'community' | 'runtime' | 'uploaded';
  private?: boolean;
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
  all(): ModelRecord[];
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

/** Curated models from the snapshot, the community fixtures, and models added while running. */
export function createModelRegistry(data: SnapshotData): ModelRegistry {
  const base = new Map<string, ModelRecord>();
  for (const [air, model] of Object.entries(data.models)) {
    base.set(air, {
      air,
      taskType: model.taskType,
      slug: model.slug,
      name: readableName(model.slug),
      category: 'checkpoint',
      source: 'curated',
    });
  }
  for (const model of communityModels) base.set(model.air, { ...model, source: 'community' });

  let added = new Map<string, ModelRecord>();
  let revision = 0;
  const lookup = (air: string) => added.get(air) ?? base.get(air);
  const taskTypeTables = (section: 'architectures' | 'modalities' | 'operations') =>
    Object.fromEntries(Object.entries(data[section]).map(([key, entry]) => [key, entry.taskType]));

  const registry: ModelRegistry = {
    get: lookup,
    all: () => [...new Map([...base, ...added]).values()],
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
      if (record.architecture && data.architectures[record.architecture]) return record.architecture;
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
