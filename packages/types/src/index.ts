/**
 * Types and lookup tables of the Runware API, generated from the pinned API snapshot.
 * The request JSON Schemas live on their own entry point, `@runware/types/schemas`.
 */

// Hand-written from PROTOCOL.md §1: the pinned snapshot has no schema for the content service, so
// these wire shapes are not generated (codegen writes and checks only `src/generated/`).
export type * from './content';
export * from './generated/index';
