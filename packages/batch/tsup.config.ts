import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Node only (files, fsync, child signals, Redis). The CLI is ESM with a shebang.
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { platform: 'node', target: 'node18' }),
  packageBuild(
    { cli: 'src/cli/bin.ts' },
    {
      platform: 'node',
      target: 'node18',
      format: ['esm'],
      dts: false,
      clean: false,
      banner: { js: '#!/usr/bin/env node' },
    },
  ),
]);
