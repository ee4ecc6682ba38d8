// createRegistry(options): the model registry.
import { createRegistry, type Registry, type RegistryOptions } from '@runware/sdk';
import { type Check, check, equal, ok } from './harness.js';

export const checks: Check[] = [
  check('export createRegistry › createRegistry(options) returns a Registry', () => {
    const options: RegistryOptions = {};
    const registry: Registry = createRegistry(options);
    ok(registry, 'no registry');
    equal(typeof registry, 'object', 'typeof registry');
  }),
];
