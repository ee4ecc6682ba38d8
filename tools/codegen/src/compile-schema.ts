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

function isSchema(value: unknown): value is JSONSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * TypeScript requires every declared property to fit the index signature, so an object with both
 * `properties` and a typed `additionalProperties` would not compile (`known: string` beside
 * `[k: string]: number`). Such an index signature becomes the union of the extra-key schema and the
 * declared property schemas (plus `undefined` when one is optional). Returns a copy.
 */
export function widenIndexSignatures(schema: JSONSchema): JSONSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isSchema(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === 'properties' && isSchema(value)
          ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub)]))
          : visit(value);
    }
    const extra = out.additionalProperties;
    const declared = isSchema(out.properties) ? Object.values(out.properties) : [];
    if (isSchema(extra) && Object.keys(extra).length > 0 && declared.length > 0) {
      const required = new Set(Array.isArray(out.required) ? out.required : []);
      const someOptional = Object.keys(out.properties as object).some((name) => !required.has(name));
      // An optional property's type includes undefined under strict mode; json-schema-to-typescript's
      // `tsType` is the only way to say so in a schema.
      out.additionalProperties = {
        anyOf: [extra, ...declared, ...(someOptional ? [{ tsType: 'undefined' }] : [])],
      };
    }
    return out;
  };
  return visit(schema) as JSONSchema;
}

/**
 * Compiles one JSON Schema to one exported interface named `name`.
 *
 * Nested objects and enums stay inline: the snapshot gives them no titles, and inlining keeps the
 * output free of invented names (`SdxlParams1`) that would change whenever the snapshot is reordered.
 */
export async function compileSchema(schema: JSONSchema, name: string): Promise<string> {
  // json-schema-to-typescript names the interface after `title` when present; force ours.
  const { title: _title, ...rest } = widenIndexSignatures(schema);
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
