import { fileURLToPath } from 'node:url';
import { type Consumer, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const emulatorRoot = fileURLToPath(new URL('..', import.meta.url));
const typesRoot = fileURLToPath(new URL('../../types', import.meta.url));

const script = (load: string) => `
${load}
const emulator = await startEmulator({ port: 0, latency: { default: 1 } });
const response = await fetch(emulator.httpUrl, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + emulator.apiKey },
  body: JSON.stringify([{ taskType: 'imageInference', taskUUID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', model: 'runware:400@1', width: 32, height: 32, deliveryMethod: 'sync' }]),
});
const body = await response.json();
const image = await fetch(body.data[0].imageURL);
console.log(JSON.stringify({ status: response.status, type: image.headers.get('content-type'), bytes: (await image.arrayBuffer()).byteLength }));
await emulator.stop();
`;

describe('packed @runware/emulator installed outside the workspace', () => {
  let consumer: Consumer;
  beforeAll(async () => {
    consumer = await createConsumer({
      packages: [typesRoot, emulatorRoot],
      files: {
        'esm.mjs': script("import { startEmulator } from '@runware/emulator';"),
        'cjs.cjs': `(async () => {${script("const { startEmulator } = require('@runware/emulator');")}})();`,
      },
    });
  }, 180_000);
  afterAll(() => consumer?.cleanup());

  it.each(['esm.mjs', 'cjs.cjs'])('runs a task from %s', async (file) => {
    const run = await consumer.node(file);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect(result.bytes).toBeGreaterThan(100);
  });

  it('installs the runware-emulator command', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(`${consumer.dir}/node_modules/.bin/runware-emulator`, ['--port', '0', '--quiet'], {
      cwd: consumer.dir,
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(JSON.parse(line).httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
