import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Edge- and browser-safe: platform neutral, no Node built-ins.
export default defineConfig(packageBuild({ index: 'src/index.ts' }));
