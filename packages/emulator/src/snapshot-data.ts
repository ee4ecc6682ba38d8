import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { JsonSchema } from '@runware/types/schemas';

export interface SnapshotEntry {
  taskType: string;
  requestSchema: JsonSchema;
  responseSchema: JsonSchema;
}

/** The parts of the pinned API snapshot the emulator serves and validates against. */
export interface SnapshotData {
  snapshotVersion: string;
  architectures: Record<string, SnapshotEntry>;
  modalities: Record<string, SnapshotEntry>;
  operations: Record<string, SnapshotEntry>;
  utilities: Record<string, SnapshotEntry>;
  models: Record<string, { taskType: string; slug: string }>;
}

let cached: SnapshotData | undefined;

/**
 * Reads `@runware/types/api-snapshot.json` once per process. It is read-only data, so sharing it
 * between emulator instances is safe; every mutable table lives in an emulator instance.
 */
export function loadSnapshotData(): SnapshotData {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve('@runware/types/api-snapshot.json');
    cached = JSON.parse(readFileSync(path, 'utf8')) as SnapshotData;
  }
  return cached;
}

/** Every schema entry by its key (architectures, modalities, operations, utilities). */
export function schemaEntry(data: SnapshotData, key: string): SnapshotEntry | undefined {
  return data.architectures[key] ?? data.modalities[key] ?? data.operations[key] ?? data.utilities[key];
}
