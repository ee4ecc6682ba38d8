import { builtinModules } from 'node:module';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { configDefaults, defineConfig, type Plugin } from 'vitest/config';

// A vite plugin for the `edge` vitest project of the edge-safe packages (core, transport-rest).
// vitest's edge-runtime environment only swaps the web globals (fetch, streams, AbortController…)
// for edge-runtime's; Node built-ins and process/Buffer stay reachable. For the package's own
// runtime code (src/, not its tests) this plugin takes them away:
// - an import of a Node built-in (or of a Node-only package) fails the module with an error naming
//   the file and line. It is checked when the module is transformed: in SSR, vite and vite-node
//   never call resolveId for built-ins, so a resolveId hook would not see them.
// - bare Node-only globals are shadowed by `undefined` constants, prepended on the first line so
//   line numbers stay right. Feature detection through `globalThis.process` still
//   sees the host's value, as it would on Node; only bare uses (which bundlers shim or edge
//   runtimes lack) are caught.

/** Node-only globals a source file may not use bare. */
export const nodeOnlyGlobals = [
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
] as const;

/** Packages that only run on Node (CONTRIBUTING.md): runtime code must not import them statically. */
export const nodeOnlyPackages = ['ws', 'undici', 'ajv'] as const;

const builtins = new Set(builtinModules);

/** Whether `specifier` names a Node built-in: `node:*`, or a bare `fs`, `fs/promises`, `http`… */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier);
}

function isNodeOnlyPackage(specifier: string): boolean {
  return nodeOnlyPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

export interface ForbiddenImport {
  specifier: string;
  /** 1-based line of the import in the source. */
  line: number;
}

/**
 * The imports of a TypeScript/JavaScript source that edge code may not have: static, type-only
 * (the declarations would then need `@types/node`), re-exports, `import('…')` and `require('…')`
 * with a literal specifier. Comments and strings are not imports.
 */
export function forbiddenImports(code: string): ForbiddenImport[] {
  const { importedFiles } = ts.preProcessFile(code, true, true);
  return importedFiles
    .filter(({ fileName }) => isNodeBuiltin(fileName) || isNodeOnlyPackage(fileName))
    .map(({ fileName, pos }) => ({
      specifier: fileName,
      line: code.slice(0, pos).split('\n').length,
    }));
}

/** The error for a source file's first forbidden import, or undefined when it has none. */
export function importError(code: string, file: string): Error | undefined {
  const [found] = forbiddenImports(code);
  if (!found) return undefined;
  const kind = isNodeBuiltin(found.specifier) ? 'the Node built-in' : 'the Node-only package';
  return new Error(
    `[edge-guard] ${file}:${found.line} imports ${kind} "${found.specifier}". This package's ` +
      'runtime code must stay edge-safe: put Node conveniences behind an injectable dependency.',
  );
}

/** The prefix that shadows the Node-only globals; it holds no line break. */
export const shadowPrefix = `const ${nodeOnlyGlobals.map((name) => `${name} = undefined`).join(', ')};`;

/** `code` with the Node-only globals shadowed, on its first line so every line keeps its number. */
export function shadowNodeGlobals(code: string): string {
  return `${shadowPrefix}${code}`;
}

/** The path of `id` relative to `srcDir` when it is runtime code there (not a test), else undefined. */
export function guardedPath(id: string, srcDir: string): string | undefined {
  const file = id.split('?')[0] ?? id;
  const path = relative(srcDir, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  if (path.split(sep).includes('node_modules')) return undefined;
  if (!/\.[cm]?[jt]sx?$/.test(path) || /\.(test|test-d|bench)\.[cm]?[jt]sx?$/.test(path)) return undefined;
  return path;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `src` directory the edge guard watches over; only set in a project that uses it. */
    edgeGuardSrcDir: string;
  }
}

export interface EdgeGuardOptions {
  /** Absolute path of the package's `src` directory; only files under it are guarded. */
  srcDir: string;
}

/** The plugin for the edge project: see the comment at the top of this file. */
export function edgeGuard({ srcDir }: EdgeGuardOptions): Plugin {
  return {
    name: 'runware:edge-guard',
    enforce: 'pre',
    // Tells the project's tests the guard is on (`inject('edgeGuardSrcDir')`), so a config that
    // loses the plugin fails a test instead of silently guarding nothing.
    configureVitest({ project }) {
      project.provide('edgeGuardSrcDir', srcDir);
    },
    transform(code, id) {
      const path = guardedPath(id, srcDir);
      if (path === undefined) return null;
      const error = importError(code, `src/${path.split(sep).join('/')}`);
      if (error) throw error;
      // No map: the prefix moves no code to another line, so line numbers in stack traces and in
      // the maps of later transforms stay right (only columns of line 1 shift).
      return { code: shadowNodeGlobals(code), map: null };
    },
  };
}

/**
 * The vitest config of an edge-safe package (core, transport-rest): every test file runs twice,
 * in `node`, and in `edge` on edge-runtime's globals with Node built-ins and Node-only globals
 * taken away from the package's src/ by {@link edgeGuard}. `packageRoot` is the package's folder
 * (`new URL('.', import.meta.url)` in its vitest.config.ts).
 */
export function edgeSafeTestConfig(packageRoot: URL) {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Only `edge` uses the threads pool: it runs beside the forks pool of `node`, unisolated (src
      // keeps no module state), so the second run adds far less than a second suite's time and CPU.
      poolOptions: { threads: { isolate: false } },
      projects: [
        { extends: true, test: { name: 'node', environment: 'node' } },
        {
          extends: true,
          plugins: [edgeGuard({ srcDir: fileURLToPath(new URL('./src', packageRoot)) })],
          test: {
            name: 'edge',
            environment: 'edge-runtime',
            pool: 'threads',
            // The pack test runs the packed tarball in Node child processes: nothing of it runs here.
            exclude: [...configDefaults.exclude, 'test/pack.test.ts'],
          },
        },
      ],
    },
  });
}
