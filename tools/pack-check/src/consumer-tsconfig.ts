/**
 * The tsconfig of a consumer project that type-checks `typed.mts` and `typed.cts` under Node's
 * own module rules, so a package's `types` export conditions are exercised for import and require.
 * `browser: true` makes it a browser-style consumer: DOM types and no `@types/node`.
 */
export function consumerTsconfig(options: { browser?: boolean } = {}): string {
  return JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      ...(options.browser ? { lib: ['ES2022', 'DOM', 'ESNext.Disposable'] } : {}),
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      ...(options.browser ? { types: [] } : {}),
    },
    files: ['typed.mts', 'typed.cts'],
  });
}
