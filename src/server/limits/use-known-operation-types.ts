/**
 * Refuses operations of a type the schema has no root for (a `subscription` here): graphql 16
 * validates no such rule and its executor then fails, which would be answered as an internal error
 * with HTTP 200. (graphql 17 adds KnownOperationTypesRule, which this stands in for.)
 */
import { GraphQLError } from 'graphql';
import { operationCheckPlugin } from './limit-plugin';

export function useKnownOperationTypes() {
  return operationCheckPlugin(({ schema, operation }) => {
    if (schema.getRootType(operation.operation)) return;
    throw new GraphQLError(`This API does not support ${operation.operation} operations.`, {
      nodes: [operation],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
  });
}
