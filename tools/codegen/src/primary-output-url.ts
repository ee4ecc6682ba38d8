import type { JSONSchema } from 'json-schema-to-typescript';

/** The URL field of each kind of output, as the service answers with `outputType: 'URL'` (the default). */
export const primaryOutputUrls = ['imageURL', 'videoURL', 'audioURL'] as const;

/**
 * A result schema with its output URL required. The snapshot leaves `imageURL` optional (it is
 * absent when `outputType` asks for base64 or a data URI), but the official SDK types it as a
 * string and its users write `const url: string = images[0].imageURL`: that code must compile
 * here too. Returns a copy; a schema without such a field is returned as it is.
 */
export function withPrimaryOutputUrlRequired(schema: JSONSchema): JSONSchema {
  const present = primaryOutputUrls.filter((name) => schema.properties?.[name] !== undefined);
  if (present.length === 0) return schema;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const name of present) required.add(name);
  return { ...schema, required: [...required] };
}
