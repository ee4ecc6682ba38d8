import type { LoadValidator } from './generated/index';

/** JSON equality with object keys in any order (a service may reorder them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

/**
 * The precompiled validator of a bundled schema equal to `schema`, if there is one. The schemas
 * service answers a community model with its architecture's schema, the one a schema-generic call
 * (`run<'sdxl'>`) names, so most fetched schemas are bundled ones: those need neither ajv nor
 * `new Function`, and validate on Cloudflare Workers and under a strict CSP. The bundled schemas
 * (about 3.5 KB gzipped) are imported only here, on the first model outside the curated table.
 */
export async function matchBundledSchema(
  schema: unknown,
  validators: Readonly<Record<string, LoadValidator>>,
): Promise<{ key: string; load: LoadValidator } | undefined> {
  const { requestSchemas } = await import('@runware/types/schemas');
  for (const [key, bundled] of Object.entries(requestSchemas)) {
    const load = Object.hasOwn(validators, key) ? validators[key] : undefined;
    if (load && sameJson(schema, bundled)) return { key, load };
  }
  return undefined;
}
