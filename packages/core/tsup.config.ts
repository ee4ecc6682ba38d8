import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Edge-safe: platform neutral, no Node built-ins. The client type names Symbol.asyncDispose, so the
// declarations pull in that lib for consumers whose tsconfig does not list it.
export default defineConfig(
  packageBuild(
    { index: 'src/index.ts', testing: 'src/testing/index.ts', 'transport-kit': 'src/transport-kit/index.ts' },
    { dts: { banner: '/// <reference lib="esnext.disposable" />' } },
  ),
);
