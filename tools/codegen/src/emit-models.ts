import { header, importsFor, quote } from './emit-common';
import type { Plan } from './plan';

/**
 * `ModelResultMap`, `ModelAIR`, the slug types (`ModelSlugMap`, `ModelSlug`, `ModelId`) and the
 * runtime `models` table (AIR → taskType and slug, the slug also as `id` like the official SDK),
 * emitted packed (see `emitPackedTable`).
 */
export function emitModels(plan: Plan): string {
  const models = Object.entries(plan.snapshot.models).sort(([a], [b]) => (a < b ? -1 : 1));
  const resultNames = models.map(([, m]) => m.resultType);
  const lines = [header(plan.snapshot, `The ${models.length} curated models.`)];
  lines.push(...importsFor(plan, [...resultNames, 'ModelEntry']), '');

  lines.push('/** Curated model AIR → the type of one of its result items. */');
  lines.push('export interface ModelResultMap {');
  for (const [air, model] of models) lines.push(`  ${quote(air)}: ${model.resultType};`);
  lines.push('}', '');
  lines.push('/** The AIR of every curated model. */');
  lines.push('export type ModelAIR = keyof ModelResultMap;', '');

  const bySlug = [...models].sort(([, a], [, b]) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  lines.push('/** Curated model slug → its AIR; `run()` accepts either and types results alike. */');
  lines.push('export interface ModelSlugMap {');
  for (const [air, model] of bySlug) lines.push(`  ${quote(model.slug)}: ${quote(air)};`);
  lines.push('}', '');
  lines.push('/** The slug of every curated model (`models[air].id`). */');
  lines.push('export type ModelSlug = keyof ModelSlugMap;', '');
  lines.push('/** A curated model as `run({ model })` accepts it: its AIR or its slug. */');
  lines.push('export type ModelId = ModelAIR | ModelSlug;', '');

  lines.push(...emitPackedTable(models));
  return `${lines.join('\n')}\n`;
}

/** The slug a curated model has unless the snapshot says otherwise (`xai:grok@4.3` → `xai-grok-4-3`). */
export function defaultSlug(air: string): string {
  return air.replace(/[:@.]/g, '-');
}

/**
 * The runtime `models` table as one string, unpacked when the module is first evaluated. An
 * object literal of 350 `{ taskType, id, slug }` entries minifies to ~36 KB; the packed rows
 * (`AIR taskTypeIndex [slug]`, the slug left out when it is `defaultSlug(AIR)`) to ~13 KB, and
 * gzip to a third less. The call is marked pure so bundles that never read `models` drop it.
 */
function emitPackedTable(models: [string, { taskType: string; slug: string }][]): string[] {
  const taskTypes = [...new Set(models.map(([, m]) => m.taskType))].sort();
  if (taskTypes.length > 36) throw new Error('models: more than 36 task types do not fit one base-36 digit');
  const rows = models.map(([air, m]) => {
    for (const value of [air, m.slug])
      if (/[\s,]/.test(value)) throw new Error(`models["${air}"]: "${value}" holds a space or comma`);
    const code = taskTypes.indexOf(m.taskType).toString(36);
    return m.slug === defaultSlug(air) ? `${air} ${code}` : `${air} ${code} ${m.slug}`;
  });
  return [
    '/** Task types of the packed rows, by base-36 index. */',
    `const modelTaskTypes = [${taskTypes.map(quote).join(', ')}] as const;`,
    '',
    '/** `AIR taskTypeIndex [slug]` per model, joined by commas; no slug means `AIR` with `:@.` as `-`. */',
    `const packedModels = ${quote(rows.join(','))};`,
    '',
    'function unpackModels(packed: string): Record<ModelAIR, ModelEntry> {',
    '  const table: Record<string, ModelEntry> = {};',
    "  for (const row of packed.split(',')) {",
    "    const [air = '', code = '', given] = row.split(' ');",
    "    const slug = given ?? air.replace(/[:@.]/g, '-');",
    "    table[air] = { taskType: modelTaskTypes[Number.parseInt(code, 36)] as ModelEntry['taskType'], id: slug, slug };",
    '  }',
    '  return table as Record<ModelAIR, ModelEntry>;',
    '}',
    '',
    '/** Curated model AIR → its task type and slug (the slug also as `id`): the offline model registry. */',
    'export const models: Readonly<Record<ModelAIR, ModelEntry>> = /* @__PURE__ */ unpackModels(packedModels);',
  ];
}
