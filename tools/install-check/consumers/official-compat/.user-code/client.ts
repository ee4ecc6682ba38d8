// RunwareClient: connect/disconnect/isConnected, the three run() call shapes, stream(),
// refreshRegistry(), written as a user of the official SDK writes them.
import {
  createClient,
  type RunwareClient,
  RunwareError,
  type TextStream,
  type TextStreamResult,
} from '@runware/sdk';
import {
  type Check,
  check,
  type Env,
  emulatorUrls,
  equal,
  isArray,
  isString,
  ok,
  rejection,
} from './harness.js';

const row = 'RunwareClient';

const restClient = (env: Env): Promise<RunwareClient> =>
  createClient({ apiKey: env.apiKey, transport: 'rest', ...emulatorUrls(env) });

async function wsClient(env: Env): Promise<RunwareClient> {
  const client = await createClient({ apiKey: env.apiKey, transport: 'websocket', ...emulatorUrls(env) });
  await client.connect();
  return client;
}

export const checks: Check[] = [
  check(`${row} › connect(), isConnected(), disconnect() over WebSocket`, async (env) => {
    const client = await createClient({ apiKey: env.apiKey, transport: 'websocket', ...emulatorUrls(env) });
    const before: boolean = client.isConnected();
    equal(before, false, 'isConnected() before connect()');
    const connecting: Promise<void> = client.connect();
    equal(await connecting, undefined, 'connect() resolves');
    equal(client.isConnected(), true, 'isConnected() after connect()');
    const disconnecting: Promise<void> = client.disconnect();
    equal(await disconnecting, undefined, 'disconnect() resolves');
    equal(client.isConnected(), false, 'isConnected() after disconnect()');
  }),

  check(`${row} › connect() is a no-op over REST; isConnected() is a boolean`, async (env) => {
    const client = await restClient(env);
    await client.connect();
    equal(typeof client.isConnected(), 'boolean', 'typeof isConnected()');
    await client.disconnect();
  }),

  check(`${row} › run() with a curated AIR literal resolves an array (WebSocket)`, async (env) => {
    const client = await wsClient(env);
    try {
      const images = await client.run({
        model: 'runware:400@1',
        positivePrompt: 'A serene mountain landscape at sunset',
        width: 1024,
        height: 1024,
      });
      isArray(images, 'run() result');
      isString(images[0].imageURL, 'images[0].imageURL');
      isString(images[0].taskUUID, 'images[0].taskUUID');
    } finally {
      await client.disconnect();
    }
  }),

  check(`${row} › run() with a curated AIR literal resolves an array (REST)`, async (env) => {
    const client = await restClient(env);
    const responses = await client.run({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Explain quantum computing' }],
    });
    isArray(responses, 'run() result');
    isString(responses[0].text, 'responses[0].text');
  }),

  check(`${row} › run() with numberResults: 2 and onResult`, async (env) => {
    const client = await restClient(env);
    const seen: string[] = [];
    const images = await client.run(
      { model: 'runware:400@1', positivePrompt: 'Abstract art', numberResults: 2, width: 512, height: 512 },
      { onResult: (item) => seen.push(String(item.taskUUID)) },
    );
    equal(images.length, 2, 'results');
    equal(seen.length, 2, 'onResult calls');
  }),

  check(`${row} › run() with a curated slug (seed: slugs are rewritten to AIRs)`, async (env) => {
    const client = await restClient(env);
    const images = await client.run({
      model: 'bfl-flux-2-dev',
      positivePrompt: 'A quiet street',
      width: 512,
      height: 512,
    });
    isString(images[0].imageURL, 'images[0].imageURL');
  }),

  check(`${row} › run<'sdxl'>() with a schema generic`, async (env) => {
    const client = await restClient(env);
    const images = await client.run<'sdxl'>({
      model: 'civitai:133005@782002',
      taskType: 'imageInference',
      positivePrompt: 'A professional headshot portrait',
      negativePrompt: 'blurry, distorted',
      width: 1024,
      height: 1024,
      steps: 30,
    });
    const url: string = images[0].imageURL;
    isString(url, 'images[0].imageURL');
  }),

  check(`${row} › run() untyped fallback: params built in a variable with taskType: string`, async (env) => {
    const client = await restClient(env);
    const taskType: string = 'imageInference';
    const model: string = 'civitai:133005@782002';
    const params = {
      taskType,
      model,
      positivePrompt: 'A lighthouse on a rocky cliff',
      width: 512,
      height: 512,
    };
    const results: Record<string, unknown>[] = await client.run(params);
    isArray(results, 'run() result');
    isString(results[0]?.imageURL, 'results[0].imageURL');

    const loose: Record<string, unknown> = {
      model: 'runware:400@1',
      positivePrompt: 'A barn',
      width: 512,
      height: 512,
    };
    const more = await client.run(loose);
    const first: Record<string, unknown> | undefined = more[0];
    isString(first?.imageURL, 'more[0].imageURL');
  }),

  check(`${row} › stream(): textStream, then text() and result()`, async (env) => {
    const client = await restClient(env);
    const stream: TextStream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Tell me a story about a robot' }],
    });
    const words: string[] = [];
    for await (const word of stream.textStream) words.push(word);
    ok(words.length > 1, `textStream gave ${words.length} deltas`);
    const fullText: string = await stream.text();
    equal(fullText, words.join(''), 'text()');
    const result: TextStreamResult = await stream.result();
    equal(result.text, fullText, 'result().text');
    isString(result.finishReason, 'result().finishReason');
  }),

  check(
    `${row} › stream(): textStream, reasoningStream, text(), result() in the seed's order`,
    async (env) => {
      const client = await restClient(env);
      const stream = await client.stream({
        model: 'google:gemma@4-31b',
        messages: [{ role: 'user', content: 'Explain gravity' }],
        settings: { reasoning: true },
      });
      const words: string[] = [];
      for await (const word of stream.textStream) words.push(word);
      const thoughts: string[] = [];
      for await (const thought of stream.reasoningStream) thoughts.push(thought);
      ok(words.length > 0, 'no text deltas');
      ok(thoughts.length > 0, 'no reasoning deltas');
      const fullText = await stream.text();
      equal(fullText, words.join(''), 'text()');
      const result = await stream.result();
      equal(result.text, fullText, 'result().text');
      equal(result.reasoningContent, thoughts.join(''), 'result().reasoningContent');
    },
  ),

  check(`${row} › run(params, { signal }): an abort rejects with code 'aborted'`, async (env) => {
    const client = await restClient(env);
    const controller = new AbortController();
    const running = client.run(
      { model: 'google:3@3', positivePrompt: 'Ocean waves at sunset', duration: 8 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(running, 'an aborted run');
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.code, 'aborted', 'code');
  }),

  check(`${row} › refreshRegistry() resolves void`, async (env) => {
    const client = await restClient(env);
    const refreshing: Promise<void> = client.refreshRegistry();
    equal(await refreshing, undefined, 'refreshRegistry()');
  }),
];
