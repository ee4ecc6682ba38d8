/** Stop waiting for a slow task: abort it with a signal, or give the call a timeout. */
import { createClient, isRunwareError } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

const video = { model: 'google:3@3', positivePrompt: 'Ocean waves at sunset', duration: 8 } as const;

/** Runs a call that is expected to fail, and prints the error code it failed with. */
async function expectFailure(label: string, call: Promise<unknown>): Promise<void> {
  const started = performance.now();
  try {
    await call;
    console.log(`${label}: finished (the task was faster than the limit)`);
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`${label}: ${error.code} after ${Math.round(performance.now() - started)} ms`);
  }
}

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // A signal: e.g. the user navigated away. The call rejects at once with code 'aborted' and its
  // task is no longer polled. Aborting is client-side: the server still runs (and bills) it.
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 300);
  await expectFailure('signal', client.run(video, { signal: controller.signal }));

  // A per-call timeout: the end-to-end budget of this async task (overrides pollTimeout).
  await expectFailure('timeout', client.run(video, { timeout: 500 }));

  // AbortSignal.timeout() works as a signal too, and reads as 'aborted'.
  await expectFailure('AbortSignal.timeout', client.run(video, { signal: AbortSignal.timeout(400) }));
});
