import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The pinned snapshot, read as data: the independent truth the generated code is tested against. */
export interface PinnedSnapshot {
  snapshotVersion: string;
  architectures: Record<string, { taskType: string; requestSchema: unknown }>;
  modalities: Record<string, { taskType: string; requestSchema: unknown }>;
  operations: Record<string, { taskType: string; requestSchema: unknown }>;
  utilities: Record<string, { taskType: string; requestSchema: unknown }>;
  models: Record<string, { taskType: string; slug: string; resultType: string }>;
}

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const pinned = JSON.parse(
  readFileSync(new URL('../schemas/api-snapshot.json', import.meta.url), 'utf8'),
) as PinnedSnapshot;
