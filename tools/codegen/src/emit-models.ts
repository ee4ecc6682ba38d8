import { header, importsFor, quote } from './emit-common';
import type { Plan } from './plan';

/** `ModelResultMap`, `ModelAIR` and the runtime `models` table (AIR → taskType and slug). */
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

  lines.push('/** Curated model AIR → its task type and slug: the offline model registry. */');
  lines.push('export const models: Readonly<Record<ModelAIR, ModelEntry>> = {');
  for (const [air, model] of models) {
    lines.push(`  ${quote(air)}: { taskType: ${quote(model.taskType)}, slug: ${quote(model.slug)} },`);
  }
  lines.push('};');
  return `${lines.join('\n')}\n`;
}
