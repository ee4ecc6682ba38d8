import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Browser- and Node-safe: `ws` is loaded lazily on Node only, never bundled.
export default defineConfig(packageBuild({ index: 'src/index.ts' }, { external: ['ws'] }));
