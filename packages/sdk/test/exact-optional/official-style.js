// @ts-check
// Official-SDK-style code, type-checked with `exactOptionalPropertyTypes: true` as many apps are
// (`typecheck` script: `tsc -p test/exact-optional`, against the SDK's emitted declarations, so
// only this file is held to the flag). Plain JS so the package's own tsc leaves it alone.
import { createClient } from '@runware/sdk';

/**
 * @param {Record<string, string | undefined>} env
 * @param {AbortSignal | undefined} signal
 */
export async function officialStyle(env, signal) {
  // `process.env.X` is `string | undefined`: apiKey and the other config fields take undefined.
  const client = await createClient({ apiKey: process.env.RUNWARE_API_KEY });
  await createClient({ apiKey: env.RUNWARE_API_KEY, transport: 'rest', userAgentPrefix: env.APP_NAME });
  /** @type {import('@runware/sdk').RunOptions} */
  const options = { signal, timeout: env.TIMEOUT ? Number(env.TIMEOUT) : undefined };
  const [image] = await client.run({ model: 'runware:400@1', positivePrompt: 'a fox' }, options);
  const [response] = await client.modelSearch({ search: 'flux' }, { signal });
  return [image?.imageURL, response?.results.length, client.isConnected()];
}
