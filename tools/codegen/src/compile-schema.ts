import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** Copies a schema and adds a description to each documented top-level property that has none. */
export function withDocs(schema: JSONSchema, docs: Readonly<Record<string, string>>): JSONSchema {
  const copy = structuredClone(schema);
  for (const [name, property] of Object.entries(copy.properties ?? {})) {
    const doc = docs[name];
    if (doc && typeof property === 'object' && property !== null && !property.description) {
      property.description = doc;
    }
  }
  return copy;
}

/**
 * Compiles one JSON Schema to one exported interface named `name`.
 *
 * Nested objects and enums stay inline: the snapshot gives them no titles, and inlining keeps the
 * output free of invented names (`SdxlParams1`) that would change whenever the snapshot is reordered.
 */
export async function compileSchema(schema: JSONSchema, name: string): Promise<string> {
  // json-schema-to-typescript names the interface after `title` when present; force ours.
  const { title: _title, ...rest } = schema;
  const source = await compile({ ...rest, title: name }, name, {
    bannerComment: '',
    additionalProperties: true,
    declareExternallyReferenced: true,
    enableConstEnums: false,
    format: true,
    strictIndexSignatures: false,
    unknownAny: true,
    style: { singleQuote: true, printWidth: 110, semi: true },
  });
  return source.trim();
}
