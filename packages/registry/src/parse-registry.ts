/** A model of the remote list. */
export interface RemoteModel {
  taskType: string;
  slug?: string;
}

/** The parts of `registry.json` the registry uses. */
export interface RemoteRegistry {
  version: string;
  models: ReadonlyMap<string, RemoteModel>;
  /** architectureTaskTypes, modalityTaskTypes and operationTaskTypes, merged. */
  keys: ReadonlyMap<string, string>;
}

export type ParsedRegistry =
  | { ok: true; registry: RemoteRegistry; skipped: number }
  | { ok: false; reason: string };

const keyTables = ['architectureTaskTypes', 'modalityTaskTypes', 'operationTaskTypes'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Reads a `registry.json` body. A body without a usable shape is refused as a whole (the caller
 * keeps its list); single entries that make no sense are skipped and counted, so one bad model
 * does not hide a day-zero one.
 */
export function parseRegistry(text: string): ParsedRegistry {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(body)) return { ok: false, reason: 'not a JSON object' };
  if (!nonEmpty(body.version)) return { ok: false, reason: '`version` is not a non-empty string' };
  if (!isObject(body.models)) return { ok: false, reason: '`models` is not an object' };
  for (const table of keyTables) {
    if (body[table] !== undefined && !isObject(body[table]))
      return { ok: false, reason: `\`${table}\` is not an object` };
  }

  let skipped = 0;
  const models = new Map<string, RemoteModel>();
  for (const [air, entry] of Object.entries(body.models)) {
    if (!nonEmpty(air) || !isObject(entry) || !nonEmpty(entry.taskType)) {
      skipped++;
      continue;
    }
    models.set(
      air,
      nonEmpty(entry.id) ? { taskType: entry.taskType, slug: entry.id } : { taskType: entry.taskType },
    );
  }
  const keys = new Map<string, string>();
  for (const table of keyTables) {
    const entries = body[table];
    if (!isObject(entries)) continue;
    for (const [key, taskType] of Object.entries(entries)) {
      if (nonEmpty(taskType)) keys.set(key, taskType);
      else skipped++;
    }
  }
  return { ok: true, registry: { version: body.version, models, keys }, skipped };
}
