import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// A build-time tool: Node only, ESM only.
export default defineConfig(
  packageBuild({ index: 'src/index.ts', cli: 'src/cli.ts' }, { format: ['esm'], platform: 'node' }),
);
