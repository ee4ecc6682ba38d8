import type { FileAccess } from '@runware/core';
import { detectRuntime } from '@runware/core/transport-kit';

interface NodeProcess {
  versions: { node: string };
  platform?: string;
  arch?: string;
}

/** Node's `process`, on plain Node only (the kit's one runtime check; not in Bun, Deno, browsers or edge). */
function nodeProcess(): NodeProcess | undefined {
  return detectRuntime() === 'node' ? (globalThis as unknown as { process: NodeProcess }).process : undefined;
}

/**
 * Local-file access for media inputs given as paths, where `node:fs` exists (Node, and Bun and
 * Deno, which implement it). It is imported lazily through a specifier bundlers leave alone, so
 * browser and edge bundles of the SDK never carry it.
 */
export async function nodeFileAccess(): Promise<FileAccess | undefined> {
  const runtime = detectRuntime();
  if (runtime !== 'node' && runtime !== 'bun' && runtime !== 'deno') return undefined;
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
  const proc = nodeProcess();
  if (!proc) return undefined;
  const agent = `runware-typescript/${sdkVersion} (node/${proc.versions.node}; ${proc.platform ?? 'unknown'} ${proc.arch ?? 'unknown'}) schemas/${schemasVersion}`;
  return prefix ? `${prefix} ${agent}` : agent;
}
