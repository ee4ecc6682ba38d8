import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ExecResult, exec, execOk } from './exec';
import { type PackedPackage, packPackage } from './pack';

export interface ConsumerOptions {
  /** Folders of the workspace packages to pack and install. */
  packages: readonly string[];
  /** Files of the consumer project, by relative path (e.g. `esm.mjs`, `tsconfig.json`). */
  files?: Readonly<Record<string, string>>;
  /**
   * Names of the packed packages the project depends on directly; the others are installed only
   * as their dependencies (pinned to their tarballs). Default: all of them.
   */
  direct?: readonly string[];
}

export interface Consumer {
  /** The consumer project, in the system temp folder: outside the workspace. */
  dir: string;
  packed: readonly PackedPackage[];
  /** Runs `node <file> [...args]` in the consumer project. */
  node(file: string, args?: readonly string[]): Promise<ExecResult>;
  /** Runs any command in the consumer project. */
  run(command: string, args: readonly string[]): Promise<ExecResult>;
  /** Type-checks the project with the workspace's TypeScript (`tsc -p tsconfig.json`). */
  typecheck(): Promise<ExecResult>;
  cleanup(): Promise<void>;
}

/**
 * Packs the given packages and installs the tarballs with plain npm into a fresh project, the way a
 * user installs from the registry. Every packed package is also pinned through `overrides`, so a
 * packed package depending on another resolves to its tarball instead of the registry.
 */
export async function createConsumer(options: ConsumerOptions): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), 'runware-consumer-'));
  try {
    const packed: PackedPackage[] = [];
    for (const packageDir of options.packages) packed.push(await packPackage(packageDir, dir));
    const pins = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
    const unknown = options.direct?.filter((name) => !(name in pins)) ?? [];
    if (unknown.length > 0) throw new Error(`direct names packages not packed: ${unknown.join(', ')}`);
    const direct = options.direct
      ? Object.fromEntries(options.direct.map((name) => [name, pins[name]]))
      : pins;
    const manifest = {
      name: 'runware-consumer',
      version: '0.0.0',
      private: true,
      dependencies: direct,
      overrides: pins,
    };
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [path, text] of Object.entries(options.files ?? {})) {
      const full = join(dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    }
    await execOk('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
    return {
      dir,
      packed,
      node: (file, args = []) => exec(process.execPath, [file, ...args], dir),
      run: (command, args) => exec(command, args, dir),
      typecheck: () =>
        exec(
          process.execPath,
          [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'],
          dir,
        ),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
