/**
 * graphql-jit without fast-json-stringify's compiler: graphql-jit requires it when it loads, for an
 * optional response serializer plans here never use (Apollo writes the response), and with Ajv it is
 * ~4 MB of heap held for the process's life, which V8's growing factor turns into ~16 MB of a page
 * walk's peak RSS (bench/notes.md, "2 December: page walk time"). While graphql-jit loads, a stand-in
 * takes the module's place that loads the real one on its first call.
 */
import Module, { createRequire } from 'node:module';

type GraphqlJit = typeof import('graphql-jit');

const requireHere = createRequire(__filename);
const requireFromGraphqlJit = createRequire(requireHere.resolve('graphql-jit'));

function loadGraphqlJit(): GraphqlJit {
  const path = requireFromGraphqlJit.resolve('fast-json-stringify');
  // Already loaded (or a registry without require.cache, as under jest): nothing to spare.
  const cache = requireHere.cache;
  if (!cache || cache[path]) return requireHere('graphql-jit') as GraphqlJit;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = (...args: unknown[]) =>
    (requireFromGraphqlJit('fast-json-stringify') as (...a: unknown[]) => unknown)(...args);
  cache[path] = standIn;
  try {
    return requireHere('graphql-jit') as GraphqlJit;
  } finally {
    delete cache[path];
  }
}

export const { compileQuery, isCompiledQuery } = loadGraphqlJit();
export type { CompiledQuery } from 'graphql-jit';
