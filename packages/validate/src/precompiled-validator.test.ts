import { requestSchemas, utilityRequestSchemas } from '@runware/types/schemas';
import type { AnySchema } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { requestValidators, utilityValidators } from './generated/index';
import { createAjv } from './load-ajv';
import { loadPrecompiledValidator } from './precompiled-validator';

/** Inputs that break each schema in many ways at once: wrong types, bad enums, missing fields. */
function probesFor(schema: AnySchema): unknown[] {
  const properties = (schema as { properties?: Record<string, { enum?: unknown[] }> }).properties ?? {};
  const wrongTypes: Record<string, unknown> = {};
  const badEnums: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    wrongTypes[name] = property.enum ? 'not-in-enum' : { nested: [1, 'two', null] };
    badEnums[name] = Array.isArray(property.enum) ? 42 : [];
  }
  return [{}, [], 'text', wrongTypes, badEnums, { ...wrongTypes, unknownParameter: true }];
}

const tables = [
  ['request', requestValidators, requestSchemas],
  ['utility', utilityValidators, utilityRequestSchemas],
] as const;

describe('precompiled validators', () => {
  it('cover exactly the bundled request schemas', () => {
    expect(Object.keys(requestValidators).sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(Object.keys(utilityValidators).sort()).toEqual(Object.keys(utilityRequestSchemas).sort());
  });

  // ruleDefinition and the messages come from ajv's error objects: a validator built with other
  // options (or from other schemas) than runtime ajv would change what users see.
  it.each(tables)(
    'report exactly the errors runtime ajv reports (%s schemas)',
    async (_kind, loaders, schemas) => {
      const ajv = await createAjv();
      for (const [key, load] of Object.entries(loaders)) {
        const schema = (schemas as Record<string, AnySchema>)[key] as AnySchema;
        const runtime = ajv.compile(schema);
        const precompiled = await loadPrecompiledValidator(load);
        for (const probe of probesFor(schema)) {
          const expected = runtime(probe);
          expect({ key, probe, valid: precompiled(probe) }).toEqual({ key, probe, valid: expected });
          expect(precompiled.errors, key).toEqual(runtime.errors);
        }
      }
    },
  );
});
