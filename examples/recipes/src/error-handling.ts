/** Every failure is a RunwareError with a stable `code`: switch on it, not on messages. */
import { createClient, isRunwareError } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

/** What an app would do for each category of error. */
function explain(error: unknown): string {
  if (!isRunwareError(error)) return `not a RunwareError: ${String(error)}`;
  switch (error.code) {
    case 'validation':
      return `validation: fix parameter '${error.parameter}' (${error.validationErrors?.[0]?.rule ?? error.rawCode})`;
    case 'notFound':
      return `notFound: check the model id (${error.rawCode})`;
    case 'auth':
      return `auth: check RUNWARE_API_KEY (${error.rawCode})`;
    case 'rateLimit':
    case 'provider':
    case 'serverError':
    case 'connection':
    case 'timeout':
      // error.retryable is true for these: back off and try again.
      return `${error.code}: retry later`;
    default:
      return `${error.code}: ${error.message}`;
  }
}

async function attempt(label: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    console.log(`${label}: no error`);
  } catch (error) {
    console.log(`${label} -> ${explain(error)}`);
  }
}

await runRecipe(async (target) => {
  // validate: true checks params against the model's schema before anything is sent.
  await using client = await createClient({ ...clientConfig(target), validate: true });

  // A literal 'GIF' would not even compile; values from a form or a config file reach run() untyped.
  const fromForm: Record<string, unknown> = { outputFormat: 'GIF' };
  await attempt('bad param', () => client.run({ model: 'runware:400@1', positivePrompt: 'x', ...fromForm }));
  await attempt('unknown model', () =>
    client.run({ model: 'runware:999999@1', taskType: 'imageInference', positivePrompt: 'x' }),
  );

  // A wrong key is refused by the service; over REST the answer comes at once.
  await using badKey = await createClient({
    ...clientConfig(target),
    apiKey: 'not-a-real-key',
    transportType: 'rest',
  });
  await attempt('bad key', () => badKey.run({ model: 'runware:400@1', positivePrompt: 'x' }));
});
