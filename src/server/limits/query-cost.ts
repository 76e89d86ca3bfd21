/**
 * Estimated cost of an operation, the number of objects it may resolve. Threat: a small query that
 * fans out into thousands of upstream calls or a huge response (every company's entries' lines...).
 *
 * - every field costs 1, plus the cost of its selection;
 * - a connection (a field with a `first` argument) multiplies its selection's cost by `first` (default
 *   50, counted at most 500, the page-size bound the resolvers enforce with their own error);
 * - a list field sized by a list argument (`nodes(ids)`) multiplies it by that list's length;
 * - other lists (an entry's lines, a company's exercises) are sized by the data, not the caller: once;
 * - introspection fields are free (introspection has its own switch);
 * - every branch of a union or interface counts, as if all applied.
 *
 * Hand-written rather than graphql-query-complexity: that library is only a transitive dependency
 * (of type-graphql) here, and this rule set fits in the file.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/common/pagination.validation';
import { memoByFragment, type Fragments } from './fragments';

type Variables = Readonly<Record<string, unknown>>;

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables = {},
): number {
  const values = { ...defaultValues(operation), ...variables };
  const fragmentCost = memoByFragment(
    (fragment) => costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)),
    fragments,
  );
  function costOf(set: SelectionSetNode | undefined, parent: GraphQLNamedType | null | undefined): number {
    let cost = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = fieldOf(parent, selection.name.value);
        const inner = costOf(selection.selectionSet, field && getNamedType(field.type));
        cost += 1 + multiplier(selection, field, values) * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += costOf(selection.selectionSet, type);
      } else cost += fragmentCost(selection.name.value);
    }
    return cost;
  }
  return costOf(operation.selectionSet, schema.getRootType(operation.operation));
}

function fieldOf(type: GraphQLNamedType | null | undefined, name: string) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

/** How many times the field's selection is resolved. */
function multiplier(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined, values: Variables) {
  if (!field) return 1;
  const args = new Map(
    (node.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, values)]),
  );
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = args.get('first');
    if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  for (const arg of field.args) {
    const value = args.get(arg.name);
    if (isListType(getNullableType(arg.type)) && Array.isArray(value)) return value.length;
  }
  return 1;
}

/** Defaults of the operation's variables (`$first: Int = 100`), for variables the request omits. */
function defaultValues(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  return defaults;
}
