import type { JsonSchema } from '@runware/types/schemas';
import { describe, expect, it } from 'vitest';
import { checkParameterLimits } from './parameter-limits';

const context = { taskType: 'imageInference', taskUUID: 'u' };
const open: JsonSchema = { type: 'object', additionalProperties: true };
const check = (task: Record<string, unknown>, schema: JsonSchema | undefined = open) =>
  checkParameterLimits(task, schema, context);

describe('live parameter limits', () => {
  it.each([
    [{ positivePrompt: '' }, 'invalidPositivePrompt', 'positivePrompt'],
    [{ positivePrompt: '   ' }, 'invalidPositivePrompt', 'positivePrompt'],
    [{ width: 0 }, 'invalidWidth', 'width'],
    [{ height: -64 }, 'invalidHeight', 'height'],
    [{ steps: 0 }, 'invalidSteps', 'steps'],
    [{ numberResults: 0 }, 'invalidNumberResults', 'numberResults'],
    [{ numberResults: 21 }, 'invalidNumberResults', 'numberResults'],
    [{ numberResults: 1.5 }, 'invalidNumberResults', 'numberResults'],
  ])('%j is refused as %s naming %s', (task, code, parameter) => {
    expect(check(task)).toMatchObject({ code, parameter, taskType: 'imageInference', taskUUID: 'u' });
  });

  it('accepts small, positive and in-range values, and leaves wrong types to the schema', () => {
    expect(check({ positivePrompt: 'p', width: 8, height: 16, steps: 1, numberResults: 20 })).toBeUndefined();
    expect(check({ numberResults: 1 })).toBeUndefined();
    expect(check({ width: '0', positivePrompt: 5 })).toBeUndefined();
  });

  it('reports the first broken limit in a fixed order', () => {
    expect(check({ numberResults: 0, width: 0, positivePrompt: '' })?.code).toBe('invalidPositivePrompt');
  });

  it('skips a parameter that a closed schema does not list (that is unknownParameter)', () => {
    const closed: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: { search: { type: 'string' } },
    };
    expect(check({ width: 0 }, closed)).toBeUndefined();
    const listed: JsonSchema = { ...closed, properties: { width: { type: 'number' } } };
    expect(check({ width: 0 }, listed)?.code).toBe('invalidWidth');
    expect(check({ width: 0 }, undefined)?.code).toBe('invalidWidth');
  });
});
