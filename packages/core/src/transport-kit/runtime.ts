interface RuntimeGlobals {
  process?: { versions?: { node?: unknown } };
  Bun?: unknown;
  Deno?: unknown;
  document?: unknown;
  importScripts?: unknown;
  WorkerGlobalScope?: unknown;
}

export type Runtime = 'node' | 'bun' | 'deno' | 'browser' | 'edge';

/**
 * The one runtime check of the SDK. `node` is plain Node only: Bun and Deno expose
 * `process.versions.node` too but bring their own fetch and WebSocket. `browser` is a page or a
 * worker (where `User-Agent` belongs to the browser); `edge` is anything else (workerd, Vercel Edge).
 */
export function detectRuntime(globals: RuntimeGlobals = globalThis as RuntimeGlobals): Runtime {
  if (globals.Bun !== undefined) return 'bun';
  if (globals.Deno !== undefined) return 'deno';
  if (typeof globals.process?.versions?.node === 'string') return 'node';
  if (
    typeof globals.document === 'object' ||
    typeof globals.importScripts === 'function' ||
    globals.WorkerGlobalScope !== undefined
  )
    return 'browser';
  return 'edge';
}

export const isNodeRuntime = (): boolean => detectRuntime() === 'node';
export const isBrowserRuntime = (): boolean => detectRuntime() === 'browser';
