/**
 * The demo: a signing proxy in front of the emulator (or the real API when RUNWARE_API_KEY is
 * set), and a client whose transport signs every request instead of holding the API key.
 *
 *   pnpm --filter @runware/example-custom-transport exec tsx src/main.ts
 */
import { createRunwareClient, createStaticRegistry, isRunwareError } from '@runware/core';
import { startEmulator } from '@runware/emulator';
import { startSigningProxy } from './signing-proxy';
import { createSigningTransport } from './signing-transport';

const realApiUrl = 'https://api.runware.ai/v1';

async function upstream(): Promise<{ label: string; url: string; apiKey: string; stop(): Promise<void> }> {
  const apiKey = process.env.RUNWARE_API_KEY;
  if (apiKey) return { label: 'the Runware API', url: realApiUrl, apiKey, stop: async () => {} };
  const emulator = await startEmulator({ port: 0, latency: { default: 20, imageInference: 60 } });
  return { label: 'the local emulator', url: emulator.httpUrl, apiKey: emulator.apiKey, stop: emulator.stop };
}

async function main(): Promise<void> {
  const target = await upstream();
  // The secret is shared by the proxy and this one client; in production it comes from your
  // secret store, per client, and can be revoked without touching the Runware key.
  const secret = crypto.randomUUID();
  const proxy = await startSigningProxy({
    upstreamUrl: target.url,
    apiKey: target.apiKey,
    clients: { 'demo-app': secret },
  }).catch(async (error: unknown) => {
    await target.stop();
    throw error;
  });
  try {
    console.log(`Signing proxy ${proxy.url} → ${target.label}`);
    await demo(proxy.url, secret);
  } finally {
    // Also on failure: a running proxy or emulator would keep the process alive.
    await proxy.stop();
    await target.stop();
  }
}

async function demo(proxyUrl: string, secret: string): Promise<void> {
  const transport = createSigningTransport({ proxyUrl, clientId: 'demo-app', secret });
  // No model registry service behind the proxy: a static one maps the demo's models to taskTypes.
  const registry = createStaticRegistry({
    models: {
      'runware:400@1': { taskType: 'imageInference' },
      'google:gemma@4-31b': { taskType: 'textInference' },
    },
  });
  // The engine wants an apiKey in its config (it redacts it from logs); the transport never
  // reads it, so a placeholder goes here. The real key stays in the proxy.
  await using client = createRunwareClient({ config: { apiKey: 'held-by-the-proxy' }, transport, registry });

  // 1. An async image task: submitted, then polled with getResponse, every request signed.
  const [image] = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A lighthouse on a cliff at dusk',
    width: 512,
    height: 512,
  });
  console.log(`1. Image: ${String(image?.imageURL)}`);

  // 2. A text stream: the proxy passes the SSE body through as it arrives.
  process.stdout.write('2. Streaming: ');
  const stream = await client.stream({
    model: 'google:gemma@4-31b',
    messages: [{ role: 'user', content: 'Why sign requests instead of shipping an API key?' }],
    settings: { maxTokens: 24 },
  });
  for await (const token of stream.textStream) process.stdout.write(token);
  const answer = await stream.result();
  console.log(`\n   (finish: ${answer.finishReason})`);

  // 3. A client with the wrong secret is refused by the proxy before anything reaches the API.
  const intruder = createSigningTransport({ proxyUrl, clientId: 'demo-app', secret: 'not-the-secret' });
  await using refused = createRunwareClient({ config: { apiKey: 'none' }, transport: intruder, registry });
  try {
    await refused.run({ model: 'runware:400@1', positivePrompt: 'x', width: 512, height: 512 });
    console.log('3. Wrong secret: accepted?!');
  } catch (error) {
    if (!isRunwareError(error)) throw error;
    console.log(`3. Wrong secret: refused (${error.code}, ${error.rawCode})`);
  }
}

main().catch((error: unknown) => {
  console.error(isRunwareError(error) ? `RunwareError ${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
