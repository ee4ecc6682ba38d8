import { header, importsFor, quote } from './emit-common';
import type { Plan } from './plan';

/**
 * `ModelResultMap`, `ModelAIR`, the slug types (`ModelSlugMap`, `ModelSlug`, `ModelId`) and the
 * runtime `models` table (AIR → taskType and slug, the slug also as `id` like the official SDK).
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

  lines.push('/** Curated model AIR → its task type and slug: the offline model registry. */');
  lines.push('export const models: Readonly<Record<ModelAIR, ModelEntry>> = {');
  for (const [air, model] of models) {
    const slug = quote(model.slug);
    lines.push(`  ${quote(air)}: { taskType: ${quote(model.taskType)}, id: ${slug}, slug: ${slug} },`);
  }
  lines.push('};');
  return `${lines.join('\n')}\n`;
}
