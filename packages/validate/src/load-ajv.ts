import type Ajv2019 from 'ajv/dist/2019.js';
import type { Options } from 'ajv/dist/2019.js';

export type Ajv = Ajv2019;

// JSON Schema 2019-09 as the API's schemas are written; every error, so the most useful one can be
// reported; unknown keywords and formats are the server's business, not a reason to fail.
const ajvOptions: Options = { allErrors: true, strict: false, validateFormats: false, verbose: true };

let loading: Promise<typeof Ajv2019> | undefined;

/** Loads ajv on first use, so importing this package stays cheap. */
function loadAjvClass(): Promise<typeof Ajv2019> {
  loading ??= import('ajv/dist/2019.js').then(
    // Node ESM sees ajv's CommonJS `module.exports` (the class) as `default`; bundlers see
    // `exports.default`. Both are the class.
    (mod) => mod.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A fresh ajv instance (2019-09 dialect, all errors, non-strict, no formats). */
export async function createAjv(): Promise<Ajv> {
  const Ajv2019Class = await loadAjvClass();
  return new Ajv2019Class(ajvOptions);
}
