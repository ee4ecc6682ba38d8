/** Several tasks at once: Promise.all over run() calls, and one run([...]) request for a batch. */
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));
  const started = performance.now();

  // Independent calls in flight together: they share one WebSocket, and every pending async task
  // is polled in one getResponse request per cycle, however many there are.
  const [foxes, city, answer] = await Promise.all([
    client.run({
      model: 'runware:400@1',
      positivePrompt: 'A fox',
      width: 512,
      height: 512,
      numberResults: 2,
    }),
    client.run({ model: 'runware:400@1', positivePrompt: 'A city at night', width: 512, height: 512 }),
    client.run({ model: 'google:gemma@4-31b', messages: [{ role: 'user', content: 'Say hi' }] }),
  ]);
  console.log(`Promise.all: ${foxes.length} foxes, ${city.length} city, text "${answer[0]?.text}"`);

  // An array is one request carrying every task; results come back per task, in order.
  const prompts = ['A red cube', 'A green sphere', 'A blue cone'];
  const batch = await client.run(
    prompts.map((positivePrompt) => ({ model: 'runware:400@1', positivePrompt, width: 512, height: 512 })),
  );
  batch.forEach((items, i) => {
    console.log(`batch[${i}] "${prompts[i]}": ${items.length} image(s) ${String(items[0]?.imageURL)}`);
  });
  console.log(
    `${foxes.length + city.length + answer.length + batch.flat().length} results in ${Math.round(performance.now() - started)} ms`,
  );
});
