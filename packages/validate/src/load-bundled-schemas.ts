import type { JsonSchema } from '@runware/types/schemas';

export interface BundledSchemas {
  requestSchemas: Readonly<Record<string, JsonSchema>>;
  utilityRequestSchemas: Readonly<Record<string, JsonSchema>>;
}

let loading: Promise<BundledSchemas> | undefined;

/** The request schemas shipped in `@runware/types/schemas`, imported on first use (they are large). */
export function loadBundledSchemas(): Promise<BundledSchemas> {
  loading ??= import('@runware/types/schemas').then(
    (mod) => ({ requestSchemas: mod.requestSchemas, utilityRequestSchemas: mod.utilityRequestSchemas }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
