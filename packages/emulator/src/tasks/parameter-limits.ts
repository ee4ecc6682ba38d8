import type { JsonSchema } from '@runware/types/schemas';
import { type ApiErrorItem, apiError } from '../api-error';

/** The most results one task may ask for, as the live API enforces it. */
export const MAX_NUMBER_RESULTS = 20;

interface Limit {
  parameter: string;
  /** Why the value is refused, or undefined when it is fine. Values of the wrong type pass: the schema names those. */
  problem(value: unknown): string | undefined;
}

const positive = (value: unknown) =>
  typeof value === 'number' && !(value > 0) ? 'must be a positive number' : undefined;

/**
 * Value limits the live API enforces that the snapshot's schemas do not carry (it has types and
 * enums, no minimum/maximum), each refused with the live code `invalid<Parameter>`. Only these are
 * checked: sizes, steps and counts that are positive and in range are accepted, small or not.
 */
const limits: readonly Limit[] = [
  {
    parameter: 'positivePrompt',
    problem: (value) => (typeof value === 'string' && value.trim() === '' ? 'must not be empty' : undefined),
  },
  { parameter: 'width', problem: positive },
  { parameter: 'height', problem: positive },
  { parameter: 'steps', problem: positive },
  {
    parameter: 'numberResults',
    problem: (value) =>
      typeof value === 'number' && !(Number.isInteger(value) && value >= 1 && value <= MAX_NUMBER_RESULTS)
        ? `must be an integer from 1 to ${MAX_NUMBER_RESULTS}`
        : undefined,
  },
];

/** Whether a task of this schema may carry `name` at all (a closed schema that omits it says no). */
function accepts(schema: JsonSchema | undefined, name: string): boolean {
  return (
    schema === undefined || schema.additionalProperties !== false || schema.properties?.[name] !== undefined
  );
}

/**
 * The first live limit `task` breaks, as the API error, or undefined. A parameter the task's schema
 * does not accept is left to the schema check (`unknownParameter`).
 */
export function checkParameterLimits(
  task: Record<string, unknown>,
  schema: JsonSchema | undefined,
  context: { taskType: string; taskUUID: string | undefined },
): ApiErrorItem | undefined {
  for (const { parameter, problem } of limits) {
    if (!(parameter in task) || !accepts(schema, parameter)) continue;
    const why = problem(task[parameter]);
    if (why === undefined) continue;
    const code = `invalid${parameter.charAt(0).toUpperCase()}${parameter.slice(1)}`;
    return apiError(code, `Invalid value for '${parameter}': ${why}.`, { ...context, parameter });
  }
  return undefined;
}
