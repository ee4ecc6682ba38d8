import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// A Node server: Node platform; the CLI is its own entry behind bin/, and what tests need around
// the emulator is `@runware/emulator/testing`.
export default defineConfig(
  packageBuild(
    { index: 'src/index.ts', cli: 'src/cli.ts', testing: 'src/testing/index.ts' },
    { platform: 'node' },
  ),
);
