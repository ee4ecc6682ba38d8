import { header, importTypes } from './emit-common';
import { requestParamDocs } from './param-docs';
import type { Plan } from './plan';

const doc = (name: string) => `  /** ${requestParamDocs[name] ?? ''} */`;

/** `RunParams`: what `run()` accepts when no schema generic narrows it. */
export function emitRunParams(plan: Plan): string {
  const lines = [header(plan.snapshot, 'Loose run() parameters for any model.')];
  lines.push(importTypes(['ModelId'], 'models'));
  lines.push(importTypes(['DeliveryMethod', 'OutputFormat', 'OutputType', 'TaskType'], 'task-types'), '');
  lines.push(
    '/**',
    ' * Parameters of any inference task when the model is not known at compile time: the fields the',
    ' * SDK itself reads are typed, everything else passes through to the API unchecked.',
    ' */',
    'export interface RunParams {',
    doc('model'),
    // Any string, while editors still offer the curated AIRs and slugs (`string & {}` keeps them).
    '  model: ModelId | (string & {});',
    doc('taskType'),
    '  taskType?: TaskType;',
    doc('taskUUID'),
    '  taskUUID?: string;',
    doc('deliveryMethod'),
    '  deliveryMethod?: DeliveryMethod;',
    doc('numberResults'),
    '  numberResults?: number;',
    doc('outputType'),
    '  outputType?: OutputType;',
    doc('outputFormat'),
    '  outputFormat?: OutputFormat;',
    doc('includeCost'),
    '  includeCost?: boolean;',
    doc('webhookURL'),
    '  webhookURL?: string;',
    '  [param: string]: unknown;',
    '}',
  );
  return `${lines.join('\n')}\n`;
}
