/**
 * Estimated cost of an operation, the number of objects it may resolve, by graphql-query-complexity
 * (type-graphql's documented way). Threat: a small query that fans out into thousands of upstream
 * calls or a huge response (every company's entries' lines...).
 *
 * - a field declaring `complexity` (type-graphql `@Field({ complexity })`) costs what it declares;
 * - a connection (a field with a `first` argument) costs 1 plus `first` times its selection (default
 *   50, counted at most 500, the page-size bound the resolvers enforce with their own error);
 * - a list field sized by a list argument (`nodes(ids)`) multiplies its selection by that list's length;
 * - any other field costs 1 plus its selection: lists sized by the data (an entry's lines) count once;
 * - introspection fields are free (introspection has its own switch);
 * - a union or interface costs its costliest branch; `@skip`/`@include` are honoured.
 */
import {
  getNullableType,
  isListType,
  Kind,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/common/pagination.validation';

/** Selections walked (fragments expanded) before a query counts as too costly to measure: fragment bombs. */
export const MAX_MEASURED_SELECTIONS = 10_000;
// graphql-query-complexity's refusal past maxQueryNodes, told apart from variable errors by its text.
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/** How many times the field's selection is resolved, from its (coerced) arguments. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = args.first;
    if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  for (const arg of field.args) {
    const value = args[arg.name];
    if (isListType(getNullableType(arg.type)) && Array.isArray(value)) return value.length;
  }
  return 1;
}

/** Pages and id lists multiply their selection; introspection is free; the rest is left to simpleEstimator. */
export const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const times = multiplier(field, args);
  return times === 1 ? undefined : 1 + times * childComplexity;
};

const estimators = [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The operation's cost; `Infinity` past MAX_MEASURED_SELECTIONS; `undefined` when the variables do
 * not coerce (execution answers that error, and nothing runs).
 */
export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query,
      variables,
      estimators,
      maxQueryNodes: MAX_MEASURED_SELECTIONS,
      ...(operationName ? { operationName } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.message === TOO_MANY_NODES) return Infinity;
    return undefined;
  }
}

/** Variable types that can change a cost: numbers (`first`), lists (`ids`), booleans (`@skip`, `@include`). */
function sizesCost(type: TypeNode): boolean {
  const nullable = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return nullable.kind === Kind.LIST_TYPE || ['Int', 'Float', 'Boolean'].includes(nullable.name.value);
}

const MEMO_ENTRIES_PER_DOCUMENT = 64;
const memo = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * queryCost memoised per document (Apollo reuses a cached document's node) and the variables that
 * can change the cost: a page walked with new cursors is measured once (graphql-query-complexity
 * re-walks the whole document with TypeInfo, several times our old hand-written walk per request).
 */
export function memoizedQueryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number | undefined {
  // Absent keys stay absent (the variable's default applies), unlike an explicit null.
  const sizing = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => sizesCost(definition.type) && definition.variable.name.value in variables)
      .map((definition) => [definition.variable.name.value, variables[definition.variable.name.value]]),
  );
  const key = `${operation.name?.value ?? ''}\n${JSON.stringify(sizing)}`;
  let costs = memo.get(query);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  const cost = queryCost(schema, query, variables, operation.name?.value);
  // Not memoised: a variable error (any variable's) is for execution to answer, request by request.
  if (cost === undefined) return cost;
  if (!costs || costs.size >= MEMO_ENTRIES_PER_DOCUMENT) memo.set(query, (costs = new Map<string, number>()));
  costs.set(key, cost);
  return cost;
}
