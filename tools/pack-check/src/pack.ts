import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execOk } from './exec';

/** How to invoke pnpm: the one running this process when there is one, else pnpm on PATH. */
function pnpmCommand(): { command: string; prefix: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/i.test(execPath)) {
    return /\.(c|m)?js$/.test(execPath)
      ? { command: process.execPath, prefix: [execPath] }
      : { command: execPath, prefix: [] };
  }
  return { command: 'pnpm', prefix: [] };
}

export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
}

/**
 * Packs a workspace package with `pnpm pack`, which rewrites `workspace:` and `catalog:` ranges
 * to real versions exactly as publishing would.
 */
export async function packPackage(packageDir: string, destination: string): Promise<PackedPackage> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const { command, prefix } = pnpmCommand();
  const { stdout } = await execOk(
    command,
    [...prefix, 'pack', '--pack-destination', destination],
    packageDir,
  );
  const tarball = stdout
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .reverse()
    .find((line) => line.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack printed no tarball path for ${manifest.name}:\n${stdout}`);
  return { name: manifest.name, version: manifest.version, tarball };
}
