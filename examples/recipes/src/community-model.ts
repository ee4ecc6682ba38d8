/** Run a community model (one not in the curated list) by passing its taskType yourself. */
import { createClient, isRunwareError } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

const model = 'civitai:133005@782002'; // an SDXL checkpoint from Civitai

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // Without taskType the SDK cannot know what this AIR does: it refuses before sending anything.
  try {
    await client.run({ model, positivePrompt: 'A fox', width: 1024, height: 1024 });
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`without taskType: ${error.code} (${error.message})`);
  }

  // With taskType it runs. `run<'sdxl'>` types the params from the SDXL schema too.
  const [image] = await client.run<'sdxl'>({
    model,
    taskType: 'imageInference',
    positivePrompt: 'A red fox in fresh snow, photorealistic',
    width: 1024,
    height: 1024,
    steps: 20,
    CFGScale: 6,
  });
  console.log(`with taskType: ${image?.imageURL}`);
});
