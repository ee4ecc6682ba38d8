/** Stream a text answer token by token, and stop it early with an AbortController. */
import { createClient, isRunwareError } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

const maxTokens = 5;

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));
  const controller = new AbortController();

  const stream = await client.stream(
    {
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Tell me a long story about lighthouses' }],
      settings: { maxTokens: 200 },
    },
    { signal: controller.signal },
  );

  // textStream ends cleanly when aborted, so the loop needs no try/catch. The `break` only stops
  // this loop from reading tokens that were already buffered.
  let tokens = 0;
  process.stdout.write('tokens: ');
  for await (const token of stream.textStream) {
    process.stdout.write(token);
    tokens += 1;
    if (tokens === maxTokens) {
      controller.abort(); // e.g. the user pressed "stop"
      break;
    }
  }
  console.log(`\nreceived ${tokens} tokens, then aborted`);

  // result() is for complete answers: after an abort it rejects with code 'aborted'.
  try {
    await stream.result();
    console.log('result() resolved (the answer was shorter than the limit)');
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`result() rejected: ${error.code}`);
  }
});
