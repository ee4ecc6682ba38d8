import type { TestProject } from 'vitest/node';
import { type BuiltBundles, buildBundles } from '../src/build-bundles';

declare module 'vitest' {
  export interface ProvidedContext {
    bundles: BuiltBundles;
  }
}

/** Packs, installs and bundles once for every test file (about 10 s), then removes the projects. */
export default async function setup(project: TestProject) {
  const built = await buildBundles();
  project.provide('bundles', built.bundles);
  return () => built.cleanup();
}
