/**
 * Types and lookup tables of the Runware API, generated from the pinned API snapshot.
 * The request JSON Schemas live on their own entry point, `@runware/types/schemas`.
 */
export * from './generated/index';
