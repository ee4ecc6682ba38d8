import { fileURLToPath } from 'node:url';
import { type Consumer, consumerTsconfig, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './support/emulator';

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

// Runs one sync task against the emulator whose URL and key come as arguments.
const script = `
const [baseUrl, apiKey] = process.argv.slice(2);
const sources = [];
const transport = createRestTransport({ apiKey, baseUrl, log: (c, m, d) => { if (d && d.fetch) sources.push(d.fetch); } });
const task = { taskType: 'imageInference', taskUUID: crypto.randomUUID(), model: 'runware:400@1', width: 64, height: 64, deliveryMethod: 'sync' };
const result = await transport.send([task]);
await transport.close();
console.log(JSON.stringify({ name: transport.name, status: result.status, items: result.data.length, sources }));
`;

const typed = `
import type { TransportV1 } from '@runware/core';
import { createRestTransport, type RestTransportOptions } from '@runware/transport-rest';
const options: RestTransportOptions = { apiKey: 'k', retryStrategy: 'linear', log: (category) => void category };
const transport: TransportV1 = createRestTransport(options);
// @ts-expect-error retryStrategy is a closed set
const bad: RestTransportOptions = { apiKey: 'k', retryStrategy: 'fibonacci' };
export const used = [transport, bad];
`;

describe('packed @runware/transport-rest installed outside the workspace', () => {
  let consumer: Consumer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, latency: { default: 5 } });
    consumer = await createConsumer({
      packages: [root('types'), root('core'), root('transport-rest')],
      files: {
        'esm.mjs': `import { createRestTransport } from '@runware/transport-rest';\n${script}`,
        'cjs.cjs': `const { createRestTransport } = require('@runware/transport-rest');\n(async () => {${script}})();`,
        'typed.mts': typed,
        'typed.cts': typed,
        'tsconfig.json': consumerTsconfig({ browser: true }),
      },
    });
  }, 180_000);
  afterAll(async () => {
    await consumer?.cleanup();
    await emulator?.stop();
  });

  it.each(['esm.mjs', 'cjs.cjs'])(
    'runs a task from %s, on the global fetch when undici is not installed',
    async (file) => {
      const run = await consumer.node(file, [emulator.httpUrl, emulator.apiKey]);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ name: 'rest', status: 200, items: 1, sources: ['global'] });
    },
  );

  it('ships only dist, README and LICENSE, and undici stays an optional peer', async () => {
    const manifest = JSON.parse(
      (await consumer.run('cat', ['node_modules/@runware/transport-rest/package.json'])).stdout,
    );
    expect(manifest.peerDependenciesMeta.undici.optional).toBe(true);
    const listed = (await consumer.run('ls', ['node_modules/@runware/transport-rest'])).stdout
      .split('\n')
      .filter(Boolean);
    expect(listed.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect((await consumer.run('ls', ['node_modules'])).stdout).not.toMatch(/^undici$/m);
  });

  it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
    const run = await consumer.typecheck();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
