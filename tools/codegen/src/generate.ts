import { emitModels } from './emit-models';
import { emitRunParams } from './emit-run-params';
import { emitSchemaMap } from './emit-schema-map';
import { emitApiError, emitIndex, emitJsonSchemaType, emitRequestSchemas } from './emit-schemas';
import { emitSectionTypes } from './emit-section-types';
import { emitTables } from './emit-tables';
import { emitTaskTypes } from './emit-task-types';
import { planTypes } from './plan';
import type { Snapshot } from './snapshot';

/** File name (inside the generated folder) → contents. */
export type GeneratedFiles = Map<string, string>;

/** Modules re-exported by the generated `index.ts`; `request-schemas` is left out on purpose. */
const barrelModules = [
  'api-error',
  'architectures',
  'json-schema',
  'modalities',
  'models',
  'operations',
  'run-params',
  'schema-map',
  'tables',
  'task-types',
  'utilities',
] as const;

/** Generates every file of `@runware/types/src/generated` from a snapshot; writes nothing. */
export async function generate(snapshot: Snapshot): Promise<GeneratedFiles> {
  const plan = planTypes(snapshot);
  const [architectures, modalities, operations, utilities, apiError] = await Promise.all([
    emitSectionTypes(plan, 'architectures'),
    emitSectionTypes(plan, 'modalities'),
    emitSectionTypes(plan, 'operations'),
    emitSectionTypes(plan, 'utilities'),
    emitApiError(plan),
  ]);
  const files: Record<(typeof barrelModules)[number] | 'request-schemas' | 'index', string> = {
    'api-error': apiError,
    architectures,
    'json-schema': emitJsonSchemaType(plan),
    modalities,
    models: emitModels(plan),
    operations,
    'request-schemas': emitRequestSchemas(plan),
    'run-params': emitRunParams(plan),
    'schema-map': emitSchemaMap(plan),
    tables: emitTables(plan),
    'task-types': emitTaskTypes(plan),
    utilities,
    index: emitIndex(plan, barrelModules),
  };
  return new Map(Object.entries(files).map(([name, text]) => [`${name}.ts`, text]));
}
