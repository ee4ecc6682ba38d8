import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// A Node server: Node platform; the CLI is its own entry behind bin/.
export default defineConfig(packageBuild({ index: 'src/index.ts', cli: 'src/cli.ts' }, { platform: 'node' }));
