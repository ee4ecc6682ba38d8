import { header, importsFor, literalUnion, quote, requestValues } from './emit-common';
import type { Plan } from './plan';

/**
 * `TaskType`, one Params/Result pair per task type (aliases of the canonical schema's types),
 * `TaskTypeMap`, and the option unions every inference task shares.
 */
export function emitTaskTypes(plan: Plan): string {
  const referenced = plan.taskTypes.flatMap((i) => [i.canonical.paramsName, i.canonical.resultName]);
  const lines = [
    header(plan.snapshot, 'Task types, their canonical Params/Result, and shared option unions.'),
  ];
  lines.push(...importsFor(plan, referenced), '');

  lines.push('/** Every task type the snapshot defines a schema for. */');
  lines.push(`export type TaskType = ${literalUnion(plan.taskTypes.map((i) => i.taskType))};`, '');

  for (const info of plan.taskTypes) {
    const { canonical } = info;
    const source = `${canonical.section}[${quote(canonical.key)}]`;
    if (info.paramsName !== canonical.paramsName) {
      lines.push(`/** Params of any ${info.taskType} task (the ${source} schema). */`);
      lines.push(`export type ${info.paramsName} = ${canonical.paramsName};`);
    }
    if (info.resultName !== canonical.resultName) {
      lines.push(`/** A result item of any ${info.taskType} task (the ${source} schema). */`);
      lines.push(`export type ${info.resultName} = ${canonical.resultName};`);
    }
  }
  lines.push('');

  lines.push('/** Task type → the Params and Result of its general schema. */');
  lines.push('export interface TaskTypeMap {');
  for (const info of plan.taskTypes) {
    lines.push(`  ${quote(info.taskType)}: { params: ${info.paramsName}; result: ${info.resultName} };`);
  }
  lines.push('}', '');

  const all = plan.types;
  lines.push('/** Every `deliveryMethod` any task accepts. */');
  lines.push(`export type DeliveryMethod = ${literalUnion(requestValues(all, 'deliveryMethod'))};`);
  lines.push('/** Every `outputType` any task accepts. */');
  lines.push(`export type OutputType = ${literalUnion(requestValues(all, 'outputType'))};`);
  lines.push('/** Every `outputFormat` any task accepts (each task accepts a subset). */');
  lines.push(`export type OutputFormat = ${literalUnion(requestValues(all, 'outputFormat'))};`, '');

  lines.push('/** One entry of the curated model list. */');
  lines.push('export interface ModelEntry {');
  lines.push('  /** The task type that runs this model. */');
  lines.push('  readonly taskType: TaskType;');
  lines.push(
    "  /** The curated slug (the official SDK's name for it); `run()` accepts it in place of the AIR. */",
  );
  lines.push('  readonly id: string;');
  lines.push('  /** The curated slug, the same as `id`. */');
  lines.push('  readonly slug: string;');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
