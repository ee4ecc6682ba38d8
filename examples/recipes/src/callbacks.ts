/** onResult fires per finished item; onProgress fires as a long task reports progress. */
import { createClient, type ModelAIR } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

// A curated training model: training tasks report `progress` while they run.
const trainingModel: ModelAIR = 'runware:flux-1-dev@style-lora-training';

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // numberResults: 3 gives three items that finish one after another: onResult sees each as it
  // lands, so a UI can show the first image before the last one is ready.
  const images = await client.run(
    { model: 'runware:400@1', positivePrompt: 'Three kites', width: 512, height: 512, numberResults: 3 },
    { onResult: (item) => console.log(`onResult: ${item.status ?? 'success'} ${String(item.imageURL)}`) },
  );
  console.log(`run() resolved with ${images.length} images`);

  // onProgress fires only when `progress` (0–100) changes between polls.
  const seen: number[] = [];
  const [trained] = await client.run(
    { model: trainingModel, positivePrompt: 'my style' },
    {
      onProgress: (item) => {
        if (typeof item.progress === 'number') seen.push(item.progress);
        console.log(`onProgress: ${String(item.progress)}%`);
      },
      onResult: (item) => console.log(`onResult: training ${item.status ?? 'success'}`),
    },
  );
  console.log(`trained model: ${trained?.air} after ${seen.length} progress updates`);
});
