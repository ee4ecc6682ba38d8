import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@runware/emulator';
import { type Consumer, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkg = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

const script = (load: string) => `
${load}
const client = await createClient({ apiKey: process.env.RUNWARE_TEST_KEY, transportType: process.env.RUNWARE_TEST_TRANSPORT, httpBaseUrl: process.env.RUNWARE_TEST_URL, wsBaseUrl: process.env.RUNWARE_TEST_WS_URL, schemasBaseUrl: process.env.RUNWARE_TEST_SCHEMAS_URL });
const [image] = await client.run({ model: 'bfl-flux-2-dev', positivePrompt: 'a lighthouse', width: 64, height: 64 });
const stream = await client.stream({ model: 'google:gemma@4-31b', messages: [{ role: 'user', content: 'hi' }] });
const text = await stream.text();
let code;
try { await client.run({ model: 'nobody:nothing@1' }); } catch (error) { code = isRunwareError(error) && error.code; }
await client.close();
console.log(JSON.stringify({ taskType: image.taskType, url: typeof image.imageURL, text: text.length > 0, code }));
`;

describe('packed @runware/sdk installed outside the workspace', () => {
  let consumer: Consumer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, latency: { default: 5 } });
    process.env.RUNWARE_TEST_URL = emulator.httpUrl;
    process.env.RUNWARE_TEST_KEY = emulator.apiKey;
    process.env.RUNWARE_TEST_WS_URL = emulator.wsUrl;
    process.env.RUNWARE_TEST_SCHEMAS_URL = emulator.schemasUrl;
    consumer = await createConsumer({
      packages: [
        pkg('types'),
        pkg('core'),
        pkg('transport-rest'),
        pkg('transport-ws'),
        pkg('registry'),
        pkg('validate'),
        pkg('sdk'),
      ],
      files: {
        'esm.mjs': script("import { createClient, isRunwareError } from '@runware/sdk';"),
        'cjs.cjs': `(async () => {${script("const { createClient, isRunwareError } = require('@runware/sdk');")}})().catch((e) => { console.error(e); process.exit(1); });`,
      },
    });
  }, 180_000);
  afterAll(async () => {
    await consumer?.cleanup();
    await emulator?.stop();
  });

  it.each([
    ['esm.mjs', 'rest'],
    ['cjs.cjs', 'rest'],
    ['esm.mjs', 'websocket'],
    ['cjs.cjs', 'websocket'],
  ])('runs a task, a stream and an error from %s over %s', async (file, transport) => {
    process.env.RUNWARE_TEST_TRANSPORT = transport;
    const run = await consumer.node(file);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      taskType: 'imageInference',
      url: 'string',
      text: true,
      code: 'notFound',
    });
  });

  it('installs only what it needs: ws and ajv (loaded only when used), no undici', async () => {
    const { stdout } = await consumer.run('npm', ['ls', '--all', '--parseable']);
    expect(stdout).toMatch(/node_modules\/ws$/m);
    expect(stdout).toMatch(/node_modules\/ajv$/m);
    expect(stdout).not.toMatch(/node_modules\/undici$/m);
  });
});
