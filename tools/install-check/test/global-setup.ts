import type { Consumer } from '@runware/pack-check';
import type { TestProject } from 'vitest/node';
import { type BuiltBundles, buildBundles } from '../src/build-bundles';
import { createOfficialCompatConsumer } from '../src/consumer-projects';

declare module 'vitest' {
  export interface ProvidedContext {
    bundles: BuiltBundles;
    /** The folder of the official-compat consumer project (installed, not yet compiled). */
    officialCompatDir: string;
  }
}

/**
 * Packs, installs and bundles once for every test file (about 10 s), installs the official-compat
 * consumer (about 6 s), then removes the projects.
 */
export default async function setup(project: TestProject) {
  const built = await buildBundles();
  let officialCompat: Consumer;
  try {
    officialCompat = await createOfficialCompatConsumer();
  } catch (error) {
    await built.cleanup();
    throw error;
  }
  project.provide('bundles', built.bundles);
  project.provide('officialCompatDir', officialCompat.dir);
  return async () => {
    await Promise.all([built.cleanup(), officialCompat.cleanup()]);
  };
}
