import { taskParamsName, taskResultName, typeStem } from './naming';
import {
  type SchemaEntry,
  type SchemaSection,
  type Snapshot,
  SnapshotError,
  schemaSections,
} from './snapshot';

/** One snapshot entry and the names of the two types generated from it. */
export interface SchemaType {
  section: SchemaSection;
  key: string;
  taskType: string;
  paramsName: string;
  resultName: string;
  entry: SchemaEntry;
}

/** A task type and the schema that stands for all of its variants. */
export interface TaskTypeInfo {
  taskType: string;
  canonical: SchemaType;
  /** `<TaskType>Params`/`<TaskType>Result`; aliases of the canonical types when the names differ. */
  paramsName: string;
  resultName: string;
}

export interface Plan {
  snapshot: Snapshot;
  types: SchemaType[];
  /** Keys of SchemaMap: architectures, modalities and operations. */
  schemaMapTypes: SchemaType[];
  utilityTypes: SchemaType[];
  taskTypes: TaskTypeInfo[];
}

// Which section speaks for a task type when several define it: the general modality schema first,
// then the base operation (`upscale` over `upscale-image`), then utilities, then architectures.
const canonicalPriority: readonly SchemaSection[] = [
  'modalities',
  'operations',
  'utilities',
  'architectures',
];

function pickCanonical(candidates: SchemaType[]): SchemaType {
  const ranked = [...candidates].sort(
    (a, b) =>
      canonicalPriority.indexOf(a.section) - canonicalPriority.indexOf(b.section) ||
      a.key.length - b.key.length ||
      a.key.localeCompare(b.key),
  );
  const first = ranked[0];
  if (!first) throw new SnapshotError('internal: a task type without schemas');
  return first;
}

function byKey<T extends { key: string }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Names every generated type and checks the snapshot is consistent enough to generate from. */
export function planTypes(snapshot: Snapshot): Plan {
  const problems: string[] = [];
  const types: SchemaType[] = [];
  for (const section of schemaSections) {
    for (const [key, entry] of Object.entries(snapshot[section])) {
      const stem = typeStem(section, key, entry.taskType);
      types.push({
        section,
        key,
        taskType: entry.taskType,
        paramsName: `${stem}Params`,
        resultName: `${stem}Result`,
        entry,
      });
    }
  }
  types.sort((a, b) => schemaSections.indexOf(a.section) - schemaSections.indexOf(b.section) || byKey(a, b));

  const schemaMapTypes = types.filter((t) => t.section !== 'utilities');
  const utilityTypes = types.filter((t) => t.section === 'utilities');

  const seenKeys = new Map<string, SchemaSection>();
  for (const t of schemaMapTypes) {
    const other = seenKeys.get(t.key);
    if (other) problems.push(`schema key "${t.key}" appears in both ${other} and ${t.section}`);
    seenKeys.set(t.key, t.section);
  }

  const byTaskType = new Map<string, SchemaType[]>();
  for (const t of types) byTaskType.set(t.taskType, [...(byTaskType.get(t.taskType) ?? []), t]);
  const taskTypes: TaskTypeInfo[] = [...byTaskType.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([taskType, candidates]) => ({
      taskType,
      canonical: pickCanonical(candidates),
      paramsName: taskParamsName(taskType),
      resultName: taskResultName(taskType),
    }));

  // Every exported name must be unique, except a task-type alias that is the canonical type itself.
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const previous = owners.get(name);
    if (previous && previous !== owner)
      problems.push(`type name ${name} is produced by both ${previous} and ${owner}`);
    owners.set(name, owner);
  };
  for (const t of types) {
    claim(t.paramsName, `${t.section}.${t.key}`);
    claim(t.resultName, `${t.section}.${t.key}`);
  }
  for (const info of taskTypes) {
    const canonicalOwner = `${info.canonical.section}.${info.canonical.key}`;
    claim(
      info.paramsName,
      info.paramsName === info.canonical.paramsName ? canonicalOwner : `taskType ${info.taskType}`,
    );
    claim(
      info.resultName,
      info.resultName === info.canonical.resultName ? canonicalOwner : `taskType ${info.taskType}`,
    );
  }

  const knownTaskTypes = new Set(byTaskType.keys());
  for (const [air, model] of Object.entries(snapshot.models)) {
    if (!knownTaskTypes.has(model.taskType)) {
      problems.push(`models["${air}"].taskType "${model.taskType}" has no schema in the snapshot`);
    } else if (model.resultType !== taskResultName(model.taskType)) {
      problems.push(
        `models["${air}"].resultType "${model.resultType}" is not the result type of ${model.taskType} (${taskResultName(model.taskType)})`,
      );
    }
  }

  // Slugs key ModelSlugMap and stand in for AIRs in run(): each must name one model only.
  const slugOwners = new Map<string, string>();
  for (const [air, model] of Object.entries(snapshot.models)) {
    const other = slugOwners.get(model.slug);
    if (other) problems.push(`models["${air}"] and models["${other}"] share the slug "${model.slug}"`);
    else if (Object.hasOwn(snapshot.models, model.slug) && model.slug !== air)
      problems.push(`models["${air}"].slug "${model.slug}" is another model's AIR`);
    slugOwners.set(model.slug, air);
  }

  if (problems.length > 0)
    throw new SnapshotError(`cannot generate from this snapshot:\n  - ${problems.join('\n  - ')}`);
  return { snapshot, types, schemaMapTypes, utilityTypes, taskTypes };
}
