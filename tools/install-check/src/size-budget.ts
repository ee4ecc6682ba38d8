/**
 * Size budgets, in bytes minified + gzipped (level 9), of what each consumer app loads to run its
 * scenario when built as Vite builds for production (see rollup-load.ts), from the packed
 * tarballs. Upper bounds: CI fails above them. `target` is what issue 16 asks for; README.md
 * ("Size budgets") says where the REST-only apps stand against it and why.
 */
export const sizeBudgets = {
  /** REST-only app (core + transport-rest) that runs a task and handles a service error. */
  restTask: { budget: 20.5 * 1024, target: 10 * 1024 },
  /** The same plus `stream()` (the stream chunks it loads on its first stream count). */
  restStream: { budget: 23.5 * 1024, target: 12 * 1024 },
  /** `@runware/sdk` in a browser page: the initial chunk (the engine, validators and ajv load later). */
  sdkInitial: { budget: 15 * 1024, target: 15 * 1024 },
} as const;
