import type { FileAccess } from '@runware/core';

/** Node's version when running on Node (not in browsers or edge runtimes). */
export function nodeVersion(): string | undefined {
  return (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
}

/**
 * Local-file access for media inputs given as paths, on Node only. `node:fs` is imported lazily
 * through a specifier bundlers leave alone, so browser and edge bundles of the SDK never carry it.
 */
export async function nodeFileAccess(): Promise<FileAccess | undefined> {
  if (!nodeVersion()) return undefined;
  const specifier = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as {
    stat(path: string): Promise<{ isFile(): boolean }>;
    readFile(path: string): Promise<Uint8Array>;
  };
  return {
    isFile: (path) =>
      fs.stat(path).then(
        (s) => s.isFile(),
        () => false,
      ),
    readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  };
}

/** `runware-typescript/<ver> (node/<v>; <platform> <arch>) schemas/<snapshot>`, on Node only. */
export function userAgent(sdkVersion: string, schemasVersion: string, prefix?: string): string | undefined {
  const node = nodeVersion();
  if (!node) return undefined;
  const proc = (globalThis as { process?: { platform?: string; arch?: string } }).process;
  const agent = `runware-typescript/${sdkVersion} (node/${node}; ${proc?.platform ?? 'unknown'} ${proc?.arch ?? 'unknown'}) schemas/${schemasVersion}`;
  return prefix ? `${prefix} ${agent}` : agent;
}
