/**
 * The partner SDK, as the package exports it: the client (with `paginate`), its typed errors, the
 * money helpers, and the typed documents of every operation in `schema/operations` with their
 * result and variable types.
 */
export * from './client';
export * from './error-codes';
export * from './errors';
export * from './money';
export type { AtPath, NodeOf } from './paginate';
export * from './generated/graphql';
