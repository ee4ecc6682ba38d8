import { useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // A task, a stream and an error, over the transport named by the last argument.
  script: {
    imports: ['createClient', 'isRunwareError'],
    body: `
const [apiKey, httpBaseUrl, wsBaseUrl, schemasBaseUrl, transportType] = process.argv.slice(2);
const client = await createClient({ apiKey, transportType, httpBaseUrl, wsBaseUrl, schemasBaseUrl });
const [image] = await client.run({ model: 'bfl-flux-2-dev', positivePrompt: 'a lighthouse', width: 64, height: 64 });
const stream = await client.stream({ model: 'google:gemma@4-31b', messages: [{ role: 'user', content: 'hi' }] });
const text = await stream.text();
let code;
try { await client.run({ model: 'nobody:nothing@1' }); } catch (error) { code = isRunwareError(error) && error.code; }
await client.close();
return { taskType: image.taskType, url: typeof image.imageURL, text: text.length > 0, code };
`,
  },
  args: () => [emulator.apiKey, emulator.httpUrl, emulator.wsUrl, emulator.schemasUrl],
  variants: { rest: ['rest'], websocket: ['websocket'] },
  expected: { taskType: 'imageInference', url: 'string', text: true, code: 'notFound' },
  typed: `
import { type ClientOptions, createClient, isRunwareError, type RunwareClient } from '@runware/sdk';
const options: ClientOptions = { apiKey: 'k', transportType: 'rest', retryDelay: 20 };
const client: Promise<RunwareClient> = createClient(options);
// @ts-expect-error transportType is a closed set
const bad: ClientOptions = { transportType: 'http2' };
export const used = [client, bad, isRunwareError];
`,
  // ws and ajv are loaded only when used; undici is an optional peer of transport-rest.
  installs: { present: ['ws', 'ajv'], absent: ['undici'] },
});
