/**
 * Operations run through a plan graphql-jit compiles once per document and operation name, kept in a
 * bounded LRU: a page of 500 movements resolves ~5,000 leaf fields, and graphql-js walks the field
 * definitions and rebuilds every field's arguments for each of them (bench/notes.md, "2 December: page
 * walk time"). Apollo Server 5 takes a custom executor only through its `gateway` option, so this is a
 * gateway serving one fixed schema.
 *
 * Everything a client sees stays graphql-js's: variables are coerced by graphql-js first (its errors,
 * with the nodes Apollo reads to answer BAD_USER_INPUT), errors graphql-jit reports are rebuilt as
 * graphql-js errors (Apollo's formatting reads `extensions`, which graphql-jit leaves undefined), and a
 * document graphql-jit cannot compile runs on graphql-js.
 */
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  execute,
  getVariableValues,
  isAbstractType,
  isLeafType,
  locatedError,
  type GraphQLError,
  type GraphQLLeafType,
  type GraphQLSchema,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import { compileQuery, isCompiledQuery, type CompiledQuery } from './graphql-jit';
import { LRUCache } from 'lru-cache';

/** What a document runs on: its compiled plan, or graphql-js when graphql-jit refused to compile it. */
type Plan = CompiledQuery | 'graphql-js';

/** graphql-js's bound on variable coercion errors (its `maxCoercionErrors` default). */
const MAX_COERCION_ERRORS = 50;

export interface CompiledExecutorOptions {
  /** Distinct operations whose plans are kept (least recently used out). */
  maxPlans: number;
}

export interface CompiledExecutionGateway extends GatewayInterface {
  /** Plans kept now (at most maxPlans). */
  readonly planCount: number;
}

/** The gateway to hand Apollo as `gateway`: `schema` is its API schema, served by compiled plans. */
export function compiledExecutionGateway(
  schema: GraphQLSchema,
  { maxPlans }: CompiledExecutorOptions,
): CompiledExecutionGateway {
  assertSynchronousTypeResolution(schema);
  const leafSerializers = graphqlJsLeafSerializers(schema);
  const plans = new LRUCache<string, Plan>({ max: maxPlans });

  function planFor(context: GatewayGraphQLRequestContext): Plan {
    const operationName = context.request.operationName;
    // queryHash is Apollo's sha256 of the query text; the name picks the operation within it.
    const key = operationName ? `${context.queryHash}:${operationName}` : context.queryHash;
    let plan = plans.get(key);
    if (plan === undefined) {
      const compiled = compileQuery(schema, context.document, operationName, {
        // Apollo serialises the response.
        customJSONSerializer: false,
        customSerializers: leafSerializers,
      });
      plan = isCompiledQuery(compiled) ? compiled : 'graphql-js';
      plans.set(key, plan);
    }
    return plan;
  }

  const executor: GatewayExecutor = async (context) => {
    const { operation } = context;
    const rawVariables = context.request.variables ?? {};
    // No operation resolved (Apollo still executes, for graphql-js's own error): graphql-js answers.
    if (!operation) return runOnGraphqlJs(schema, context);
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, {
      maxErrors: MAX_COERCION_ERRORS,
    });
    if (coerced.errors) return { errors: coerced.errors };
    const plan = planFor(context);
    if (plan === 'graphql-js') return runOnGraphqlJs(schema, context);
    const result = await plan.query(undefined, context.context, rawVariables);
    if (!result.errors) return result;
    // graphql-js's order: errors first (the response's key order stays as before).
    return { errors: result.errors.map(asGraphqlJsError), data: result.data };
  };

  return {
    get planCount() {
      return plans.size;
    },
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {
      plans.clear();
    },
  };
}

/** graphql-jit calls resolveType without awaiting it: an async one would fail every abstract field. */
function assertSynchronousTypeResolution(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && type.resolveType?.constructor.name === 'AsyncFunction')
      throw new Error(`${type.name}.resolveType is async; compiled plans need a synchronous one.`);
  }
}

async function runOnGraphqlJs(
  schema: GraphQLSchema,
  context: GatewayGraphQLRequestContext,
): Promise<GatewayExecutionResult> {
  return execute({
    schema,
    document: context.document,
    contextValue: context.context,
    variableValues: context.request.variables,
    operationName: context.request.operationName,
  });
}

/**
 * What a leaf's serialize threw, carried through graphql-jit as its error "message": graphql-jit keeps
 * only the message of a serialisation failure, graphql-js locates the thrown error itself (its
 * extensions and cause reach the response and the logs).
 */
class LeafFailure extends Error {
  constructor(thrown: unknown) {
    super();
    Object.defineProperty(this, 'message', { value: thrown });
  }
}

/** Every scalar and enum serialised as graphql-js does, failures carried whole (see LeafFailure). */
function graphqlJsLeafSerializers(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  const serializers: Record<string, (value: unknown) => unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isLeafType(type)) serializers[type.name] = graphqlJsLeafSerializer(type);
  }
  return serializers;
}

function graphqlJsLeafSerializer(type: GraphQLLeafType): (value: unknown) => unknown {
  return (value) => {
    let serialized: unknown;
    try {
      serialized = type.serialize(value);
    } catch (error) {
      throw new LeafFailure(error);
    }
    // graphql-js's own words for a serialize that returns nothing.
    if (serialized == null) {
      const message = `Expected \`${inspect(type)}.serialize(${inspect(value)})\` to return non-nullable value, returned: ${inspect(serialized)}`;
      throw new LeafFailure(new Error(message));
    }
    return serialized;
  };
}

/**
 * A graphql-jit error as graphql-js reports it: the thrown value located at the field (graphql-js's
 * locatedError: the same message, cause and extensions, a thrown error that already has a path kept
 * as is), with graphql-jit's locations. graphql-jit's own class leaves `extensions` undefined when the
 * cause has none, and Apollo's formatting reads `extensions.code`. An error graphql-jit raises itself
 * (a null in a non-null field) is rebuilt with its message.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const thrown: unknown =
    typeof error.message === 'string' ? (error.originalError ?? new Error(error.message)) : error.message;
  const located = locatedError(thrown, undefined, error.path);
  if (located !== thrown && located.locations === undefined && error.locations) {
    Object.defineProperty(located, 'locations', {
      value: error.locations,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return located;
}
