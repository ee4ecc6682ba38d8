/**
 * Only the edge-safe layers: `@runware/core` + `@runware/transport-rest` (no Node built-ins, no ws,
 * no ajv). Fits Cloudflare Workers, Vercel Edge, Deno and browsers. No `@runware/sdk` here.
 */
import { createRunwareClient, createStaticRegistry, isRunwareError } from '@runware/core';
import { createRestTransport } from '@runware/transport-rest';
import { runRecipe } from './support/run-recipe';

await runRecipe(async (target) => {
  const { apiKey, httpBaseUrl } = target;
  const transport = createRestTransport({ apiKey, ...(httpBaseUrl ? { httpBaseUrl } : {}) });

  // Without the SDK's bundled registry, either pass taskType on every call, or hand the client
  // a small static registry of just the models this function uses (slugs included).
  const registry = createStaticRegistry({
    models: { 'runware:400@1': { taskType: 'imageInference', slug: 'bfl-flux-2-dev' } },
  });
  await using client = createRunwareClient({ config: { apiKey }, transport, registry });

  // 1. Explicit taskType: works for any model, registry or not.
  const [a] = await client.run({
    model: 'runware:400@1',
    taskType: 'imageInference',
    positivePrompt: 'A lighthouse',
    width: 512,
    height: 512,
  });
  console.log(`explicit taskType: ${String(a?.imageURL)}`);

  // 2. The static registry resolves the slug to its AIR and taskType.
  const [b] = await client.run({
    model: 'bfl-flux-2-dev',
    positivePrompt: 'A harbour',
    width: 512,
    height: 512,
  });
  console.log(`static registry: ${String(b?.imageURL)}`);

  // 3. A model in neither: the client says what to do instead of guessing.
  try {
    await client.run({ model: 'google:3@3', positivePrompt: 'Waves' });
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`unregistered model: ${error.code}`);
  }
});
