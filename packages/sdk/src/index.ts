/**
 * The partner SDK, as the package exports it: the client, its typed errors, and the typed documents
 * of every operation in `schema/operations` with their result and variable types.
 */
export * from './client';
export * from './error-codes';
export * from './errors';
export * from './generated/graphql';
