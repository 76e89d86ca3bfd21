/** Builds the Apollo plugins of src/server/limits: one check, run once the operation is resolved. */
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../../context';

type ResolvedRequest = GraphQLRequestContextDidResolveOperation<RequestContext> & {
  operation: OperationDefinitionNode;
};

/**
 * A plugin running `check` after validation and before execution: a refusal (thrown) answers the
 * request before any resolver, hence before any upstream call.
 */
export function operationCheckPlugin(
  check: (request: ResolvedRequest) => void,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          // No operation (unknown operationName): execution answers that error; nothing to measure.
          if (request.operation) check(request as ResolvedRequest);
        },
      };
    },
  };
}
