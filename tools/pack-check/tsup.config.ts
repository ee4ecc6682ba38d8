import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// `vitest` is the entry that imports vitest (describePackTest); `index` never does.
export default defineConfig(
  packageBuild({ index: 'src/index.ts', vitest: 'src/pack-test.ts' }, { format: ['esm'], platform: 'node' }),
);
