/** Run a curated model by its AIR and by its slug: the SDK finds the task type for you. */
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

await runRecipe(async (target) => {
  // `await using` closes the client (and its WebSocket) when this block ends.
  await using client = await createClient(clientConfig(target));

  // By AIR: no taskType needed, and the result is typed from the AIR (ImageInferenceResult),
  // so `imageURL` and `imageUUID` autocomplete.
  const [byAir] = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A lighthouse on a cliff at dusk',
    width: 512,
    height: 512,
    includeCost: true,
  });
  if (!byAir) throw new Error('no result');
  console.log(`by AIR:  ${byAir.taskType} ${byAir.imageURL} (cost $${byAir.cost ?? 0})`);

  // By slug: the same model. The SDK rewrites the slug to the AIR before sending. A slug is a
  // plain string to the compiler, so the result is the loose ResultItem: read fields with care.
  const [bySlug] = await client.run({
    model: 'bfl-flux-2-dev',
    positivePrompt: 'The same lighthouse, in watercolour',
    width: 512,
    height: 512,
  });
  const url = typeof bySlug?.imageURL === 'string' ? bySlug.imageURL : 'missing';
  console.log(`by slug: ${bySlug?.taskType} ${url}`);
});
