import { header, importsFor, literalUnion, quote } from './emit-common';
import type { Plan, SchemaType } from './plan';

function mapInterface(name: string, doc: string, types: readonly SchemaType[]): string[] {
  const lines = [`/** ${doc} */`, `export interface ${name} {`];
  for (const t of types)
    lines.push(`  ${quote(t.key)}: { params: ${t.paramsName}; result: ${t.resultName} };`);
  lines.push('}');
  return lines;
}

/** `SchemaMap`/`SchemaKey` (architectures, modalities, operations) and `UtilityMap`/`UtilityName`. */
export function emitSchemaMap(plan: Plan): string {
  const keysOf = (section: SchemaType['section']) =>
    plan.types.filter((t) => t.section === section).map((t) => t.key);
  const lines = [header(plan.snapshot, 'Schema key → {params, result} maps.')];
  lines.push(
    ...importsFor(
      plan,
      plan.types.flatMap((t) => [t.paramsName, t.resultName]),
    ),
    '',
  );
  lines.push(
    ...mapInterface(
      'SchemaMap',
      'Architecture, modality and operation keys → their Params and Result, e.g. `SchemaMap["sdxl"]["params"]`.',
      plan.schemaMapTypes,
    ),
    '',
    '/** Every key of SchemaMap: the generic argument of `run<Key>()`. */',
    'export type SchemaKey = keyof SchemaMap;',
    `export type ArchitectureKey = ${literalUnion(keysOf('architectures'))};`,
    `export type ModalityKey = ${literalUnion(keysOf('modalities'))};`,
    `export type OperationKey = ${literalUnion(keysOf('operations'))};`,
    '',
    ...mapInterface('UtilityMap', 'Utility task types → their Params and Result.', plan.utilityTypes),
    '',
    'export type UtilityName = keyof UtilityMap;',
  );
  return `${lines.join('\n')}\n`;
}
