import type { Options } from 'tsup';

/**
 * The build every publishable package shares: ESM + CJS + .d.ts/.d.cts, one file per entry.
 * `platform: 'neutral'` keeps edge/browser-safe packages honest; Node-only packages override it.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    ...overrides,
  };
}
