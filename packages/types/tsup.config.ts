import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// `schemas` is its own entry so bundles that never validate never carry the request schemas.
export default defineConfig(packageBuild({ index: 'src/index.ts', schemas: 'src/schemas.ts' }));
