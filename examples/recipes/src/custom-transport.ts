/**
 * A TransportV1 of your own: a "signing proxy" that POSTs tasks with fetch, adds an HMAC signature
 * header (what a gateway in front of the API might require), and logs every request. The engine
 * still does model resolution, polling, callbacks and error mapping. For a complete one (signed
 * requests, a proxy that holds the key, retries, recovery, streaming) that passes the conformance
 * suite, see examples/custom-transport.
 */
import { createHmac } from 'node:crypto';
import {
  createRunwareClient,
  createRunwareError,
  createStaticRegistry,
  isRunwareError,
  type RawApiError,
  type ResultItem,
  type TransportV1,
} from '@runware/core';
import { runRecipe } from './support/run-recipe';

function createSigningTransport(options: { apiKey: string; url: string; secret: string }): TransportV1 {
  return {
    specificationVersion: 'v1',
    name: 'signing-proxy',
    capabilities: { streaming: false, push: false, resume: false },
    async send(tasks, { signal, timeoutMs } = {}) {
      const body = JSON.stringify(tasks);
      const signature = createHmac('sha256', options.secret).update(body).digest('hex');
      console.log(`-> ${tasks.map((t) => t.taskType).join(', ')} (signature ${signature.slice(0, 8)}…)`);
      const signals = [signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined];
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            'content-type': 'application/json',
            'x-signature': signature,
          },
          body,
          signal: AbortSignal.any(signals.filter((s) => s !== undefined)),
        });
      } catch (error) {
        // The contract: throw only RunwareErrors, with the code that says what happened.
        if (signal?.aborted) throw createRunwareError('aborted', 'The call was aborted.', { cause: error });
        if (error instanceof DOMException && error.name === 'TimeoutError')
          throw createRunwareError('timeout', `No answer within ${timeoutMs} ms.`, { cause: error });
        throw createRunwareError('connectionFailed', 'The proxy could not be reached.', { cause: error });
      }
      const json = (await response.json().catch(() => ({}))) as {
        data?: ResultItem[];
        errors?: RawApiError[];
      };
      console.log(
        `<- ${response.status}: ${json.data?.length ?? 0} item(s), ${json.errors?.length ?? 0} error(s)`,
      );
      // Task failures are data, not throws: the engine maps them to RunwareErrors per task.
      return { data: json.data ?? [], errors: json.errors ?? [], status: response.status };
    },
    async close() {},
  };
}

await runRecipe(async (target) => {
  const url = target.httpBaseUrl ?? 'https://api.runware.ai/v1';
  const transport = createSigningTransport({ apiKey: target.apiKey, url, secret: 'shared-secret' });
  const registry = createStaticRegistry({ models: { 'runware:400@1': { taskType: 'imageInference' } } });
  await using client = createRunwareClient({ config: { apiKey: target.apiKey }, transport, registry });

  // An async task (the default): one send for the task, then getResponse polls through it too.
  const [image] = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A kite',
    width: 512,
    height: 512,
  });
  console.log(`image: ${String(image?.imageURL)}`);

  // A task failure travels as an `errors` entry and surfaces as a RunwareError.
  try {
    await client.run({ model: 'runware:999999@1', taskType: 'imageInference', positivePrompt: 'x' });
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`error through the custom transport: ${error.code}`);
  }
});
