import { compileSchema } from './compile-schema';
import { header, importTypes } from './emit-common';
import type { Plan, SchemaType } from './plan';

/** A minimal JSON Schema type, enough to hand the request schemas to a validator. */
export function emitJsonSchemaType(plan: Plan): string {
  return `${header(plan.snapshot, 'The JSON Schema shape of the bundled request schemas.')}
export type JsonSchemaTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A JSON Schema (draft 2019-09) document or sub-schema, as the snapshot uses them. */
export interface JsonSchema {
  type?: JsonSchemaTypeName | readonly JsonSchemaTypeName[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  [keyword: string]: unknown;
}
`;
}

/** The error envelope of the API (\`{ errors: [...] }\`). */
export async function emitApiError(plan: Plan): Promise<string> {
  const body = await compileSchema(plan.snapshot.apiError, 'ApiErrorResponse');
  return `${header(plan.snapshot, 'The API error envelope.')}
/** The body of a failed request: \`{ errors: [...] }\`. */
${body}

/** One error object of the API. */
export type ApiError = ApiErrorResponse['errors'][number];
`;
}

function schemaTable(name: string, doc: string, keyType: string, types: readonly SchemaType[]): string {
  const entries = types.map((t) => `  ${JSON.stringify(t.key)}: ${JSON.stringify(t.entry.requestSchema)},`);
  return `/** ${doc} */\nexport const ${name}: Readonly<Record<${keyType}, JsonSchema>> = {\n${entries.join('\n')}\n};\n`;
}

/**
 * The request schemas as plain data, on their own entry point so only validating bundles carry them.
 * One schema per line keeps diffs of a snapshot update readable.
 */
export function emitRequestSchemas(plan: Plan): string {
  return [
    header(plan.snapshot, 'Request JSON Schemas for offline validation.'),
    importTypes(['JsonSchema'], 'json-schema'),
    importTypes(['SchemaKey', 'UtilityName'], 'schema-map'),
    '',
    schemaTable(
      'requestSchemas',
      'Request schema of every architecture, modality and operation, keyed like SchemaMap.',
      'SchemaKey',
      plan.schemaMapTypes,
    ),
    schemaTable(
      'utilityRequestSchemas',
      'Request schema of every utility task.',
      'UtilityName',
      plan.utilityTypes,
    ),
  ].join('\n');
}

/** Everything but the request schemas, which have their own entry point. */
export function emitIndex(plan: Plan, modules: readonly string[]): string {
  const lines = modules.map((m) => `export * from './${m}';`);
  return `${header(plan.snapshot, 'Barrel of the generated types and tables.')}\n${lines.join('\n')}\n`;
}
