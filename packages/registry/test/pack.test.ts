import { fileURLToPath } from 'node:url';
import { type Consumer, consumerTsconfig, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNewModel, type RunningEmulator, startEmulator } from './support/helpers';

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

// Resolves a bundled slug, then a day-zero model from the emulator's registry.json.
const script = `
const [schemasBaseUrl] = process.argv.slice(2);
const registry = createRegistry({ schemasBaseUrl });
const bundled = await registry.lookup('bfl-flux-1-dev');
await registry.refresh();
const fresh = await registry.lookup('newprovider-one');
console.log(JSON.stringify({ bundled: bundled.air, fresh, key: await registry.taskTypeOfKey('sdxl'), remote: typeof registry.version() }));
`;

const typed = `
import type { RegistryV1 } from '@runware/core';
import { createRegistry, type Registry, type RegistryOptions } from '@runware/registry';
const options: RegistryOptions = { ttlMs: 60_000, log: (category, message) => void [category, message] };
const registry: Registry = createRegistry(options);
const v1: RegistryV1 = registry;
// @ts-expect-error log categories are a closed set
const bad: RegistryOptions = { log: (category: 'debug') => void category };
export const used = [v1, bad, registry.version()];
`;

describe('packed @runware/registry installed outside the workspace', () => {
  let consumer: Consumer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    await addNewModel(emulator);
    consumer = await createConsumer({
      packages: [root('types'), root('core'), root('registry')],
      files: {
        'esm.mjs': `import { createRegistry } from '@runware/registry';\n${script}`,
        'cjs.cjs': `const { createRegistry } = require('@runware/registry');\n(async () => {${script}})();`,
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

  it.each(['esm.mjs', 'cjs.cjs'])('resolves bundled and remote models from %s', async (file) => {
    const run = await consumer.node(file, [emulator.schemasUrl]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      bundled: 'runware:101@1',
      fresh: { air: 'newprovider:1@1', taskType: 'imageInference', slug: 'newprovider-one' },
      key: 'imageInference',
      remote: 'string',
    });
  });

  it('ships only dist, README and LICENSE', async () => {
    const listed = (await consumer.run('ls', ['node_modules/@runware/registry'])).stdout
      .split('\n')
      .filter(Boolean);
    expect(listed.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
    const run = await consumer.typecheck();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
