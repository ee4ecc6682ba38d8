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

/**
 * Code written for the official SDK 1.6 (`consumers/official-compat`), run against `@runware/sdk`
 * from tarballs. The same TypeScript sources go to `esm/` (`"type": "module"`) and `cjs/`
 * (`"type": "commonjs"`), so one `tsc -p tsconfig.nodenext.json` type-checks them under both of
 * Node's module kinds and emits an ES module and a CommonJS build beside them;
 * `tsconfig.bundler.json` checks them again with `moduleResolution: bundler`. The sources sit in a
 * dot-folder so the workspace's own typecheck (which adds `noUncheckedIndexedAccess`) skips them.
 */
export async function createOfficialCompatConsumer(): Promise<Consumer> {
  const layers = ['types', 'core', 'transport-rest', 'transport-ws', 'registry', 'validate', 'sdk'];
  const root = `${consumersDir}official-compat/`;
  const files: Record<string, string> = {
    'esm/package.json': '{ "type": "module" }\n',
    'cjs/package.json': '{ "type": "commonjs" }\n',
  };
  for (const file of await readdir(root)) {
    if (file.endsWith('.json')) files[file] = await readFile(`${root}${file}`, 'utf8');
  }
  for (const file of await readdir(`${root}.user-code`)) {
    const text = await readFile(`${root}.user-code/${file}`, 'utf8');
    files[`esm/${file}`] = text;
    files[`cjs/${file}`] = text;
  }
  return createConsumer({
    packages: layers.map((name) => workspace(`packages/${name}`)),
    direct: ['@runware/sdk'],
    files,
  });
}
