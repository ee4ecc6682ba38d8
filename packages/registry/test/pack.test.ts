import { dayZeroModel, useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll });
beforeAll(async () => {
  await emulator.control.addModel(dayZeroModel);
});

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // Resolves a bundled slug, then a day-zero model from the emulator's registry.json.
  script: {
    imports: ['createRegistry'],
    body: `
const [schemasBaseUrl] = process.argv.slice(2);
const registry = createRegistry({ schemasBaseUrl });
const bundled = await registry.lookup('bfl-flux-1-dev');
await registry.refresh();
const fresh = await registry.lookup('newprovider-one');
return { bundled: bundled.air, fresh, key: await registry.taskTypeOfKey('sdxl'), remote: typeof registry.version() };
`,
  },
  args: () => [emulator.schemasUrl],
  expected: {
    bundled: 'runware:101@1',
    fresh: { air: 'newprovider:1@1', taskType: 'imageInference', slug: 'newprovider-one' },
    key: 'imageInference',
    remote: 'string',
  },
  typed: `
import type { RegistryV1 } from '@runware/core';
import { createRegistry, type Registry, type RegistryOptions } from '@runware/registry';
const options: RegistryOptions = { ttl: 60_000, log: (category, message) => void [category, message] };
const registry: Registry = createRegistry(options);
const v1: RegistryV1 = registry;
// @ts-expect-error log categories are a closed set
const bad: RegistryOptions = { log: (category: 'debug') => void category };
export const used = [v1, bad, registry.version()];
`,
  browser: true,
});
