import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Consumer, createConsumer } from '@runware/pack-check';

const workspace = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const consumersDir = fileURLToPath(new URL('../consumers/', import.meta.url));

/** The sources of one consumer app (`consumers/<name>/*.ts`), keyed by file name. */
async function sourcesOf(name: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of await readdir(`${consumersDir}${name}`)) {
    files[file] = await readFile(`${consumersDir}${name}/${file}`, 'utf8');
  }
  return files;
}

/**
 * An app that installs only `@runware/core` and `@runware/transport-rest` from their packed
 * tarballs. `@runware/types` is packed too, because core depends on it, but is not a direct
 * dependency.
 */
export async function createRestOnlyConsumer(): Promise<Consumer> {
  return createConsumer({
    packages: ['packages/types', 'packages/core', 'packages/transport-rest'].map(workspace),
    direct: ['@runware/core', '@runware/transport-rest'],
    files: await sourcesOf('rest-only'),
  });
}

/** An app that installs `@runware/sdk` (and, through it, every layer) from packed tarballs. */
export async function createFullSdkConsumer(): Promise<Consumer> {
  const layers = ['types', 'core', 'transport-rest', 'transport-ws', 'registry', 'validate', 'sdk'];
  return createConsumer({
    packages: layers.map((name) => workspace(`packages/${name}`)),
    direct: ['@runware/sdk'],
    files: await sourcesOf('full-sdk'),
  });
}

/**
 * A transport author's test project: `@runware/core` (for `@runware/core/testing`), the emulator,
 * and a transport to run the suite on, all from tarballs.
 */
export async function createTransportAuthorConsumer(tsconfig: string): Promise<Consumer> {
  const layers = ['types', 'core', 'transport-rest', 'emulator'];
  return createConsumer({
    packages: layers.map((name) => workspace(`packages/${name}`)),
    direct: ['@runware/core', '@runware/transport-rest', '@runware/emulator'],
    files: { ...(await sourcesOf('transport-author')), 'tsconfig.json': tsconfig },
  });
}
