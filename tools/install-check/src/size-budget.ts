/**
 * The REST-only bundle's budget, minified + gzipped (level 9), in bytes: the worker app of
 * `consumers/rest-only` (run with polling, a text stream, error mapping) bundled from the packed
 * tarballs of `@runware/core` and `@runware/transport-rest`. See README.md for what the bytes buy.
 */
export const restOnlyGzipBudget = 21 * 1024;
