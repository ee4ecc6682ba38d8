import { header, importTypes, quote } from './emit-common';
import type { Plan, SchemaType } from './plan';

function table(name: string, doc: string, keyType: string, entries: readonly SchemaType[]): string[] {
  return [
    `/** ${doc} */`,
    `export const ${name} = {`,
    ...entries.map((t) => `  ${quote(t.key)}: ${quote(t.taskType)},`),
    `} as const satisfies Readonly<Record<${keyType}, TaskType>>;`,
  ];
}

/** The small lookup tables the registry and the engine resolve task types with. */
export function emitTables(plan: Plan): string {
  const of = (section: SchemaType['section']) => plan.types.filter((t) => t.section === section);
  const lines = [
    header(plan.snapshot, 'Runtime lookup tables: schema key → taskType, and the snapshot version.'),
  ];
  lines.push(
    importTypes(['ArchitectureKey', 'ModalityKey', 'OperationKey', 'SchemaKey', 'UtilityName'], 'schema-map'),
  );
  lines.push(importTypes(['TaskType'], 'task-types'), '');

  lines.push('/** Version of the API snapshot these types and tables were generated from. */');
  lines.push(`export const snapshotVersion = ${quote(plan.snapshot.snapshotVersion)};`, '');
  lines.push(
    ...table(
      'architectureTaskTypes',
      'Architecture key → task type.',
      'ArchitectureKey',
      of('architectures'),
    ),
    '',
  );
  lines.push(...table('modalityTaskTypes', 'Modality key → task type.', 'ModalityKey', of('modalities')), '');
  lines.push(
    ...table('operationTaskTypes', 'Operation key → task type.', 'OperationKey', of('operations')),
    '',
  );

  lines.push('/** Task type → the key of the schema that stands for all of its variants. */');
  lines.push('export const taskTypeSchemaKeys = {');
  for (const info of plan.taskTypes) lines.push(`  ${quote(info.taskType)}: ${quote(info.canonical.key)},`);
  lines.push('} as const satisfies Readonly<Record<TaskType, SchemaKey | UtilityName>>;');
  return `${lines.join('\n')}\n`;
}
