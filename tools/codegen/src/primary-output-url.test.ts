import { describe, expect, it } from 'vitest';
import { withPrimaryOutputUrlRequired } from './primary-output-url';

describe('withPrimaryOutputUrlRequired', () => {
  it('requires the output URL a result schema has, keeping what was required', () => {
    const schema = {
      type: 'object' as const,
      properties: { imageUUID: { type: 'string' as const }, imageURL: { type: 'string' as const } },
      required: ['imageUUID'],
    };
    expect(withPrimaryOutputUrlRequired(schema).required).toEqual(['imageUUID', 'imageURL']);
    expect(schema.required).toEqual(['imageUUID']);
  });

  it('leaves a schema without one as it is', () => {
    const schema = { type: 'object' as const, properties: { text: { type: 'string' as const } } };
    expect(withPrimaryOutputUrlRequired(schema)).toBe(schema);
  });
});
