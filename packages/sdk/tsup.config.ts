import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The version is baked in at build time, so a changeset bump can never leave the User-Agent stale.
export default defineConfig(
  packageBuild({ index: 'src/index.ts' }, { define: { __RUNWARE_SDK_VERSION__: JSON.stringify(version) } }),
);
