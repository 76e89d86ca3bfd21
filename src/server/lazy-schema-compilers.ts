/**
 * Fastify's JSON-schema compilers (Ajv for validation, fast-json-stringify for responses), required
 * on the first route that declares a schema instead of at `Fastify()`: no route here declares one,
 * and the two packages with Ajv and ajv-formats are 1.1 MB of source held for the process's life
 * (bench/notes.md, "idle footprint").
 */
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

// Resolved from Fastify's own location: the exact versions it would have loaded itself.
const requireFromFastify = createRequire(require.resolve('fastify'));

/** Modules this file loads on first use, for the start-up test that checks they stay unloaded. */
export const LAZY_SCHEMA_COMPILER_MODULES = [
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
] as const;

/** The factories Fastify would build itself, each made on its first call and then reused. */
function onFirstCall<Factory>(moduleName: string): Factory {
  type Call = (...args: unknown[]) => unknown;
  let factory: Call | undefined;
  // Ajv's factory type is a union of two call signatures; both take (externalSchemas, options).
  return ((...args: unknown[]) => {
    factory ??= (requireFromFastify(moduleName) as () => Call)();
    return factory(...args);
  }) as Factory;
}

export function lazySchemaCompilers(): CompilersFactory {
  return {
    buildValidator: onFirstCall<ValidatorFactory>(LAZY_SCHEMA_COMPILER_MODULES[0]),
    buildSerializer: onFirstCall<SerializerFactory>(LAZY_SCHEMA_COMPILER_MODULES[1]),
  };
}
