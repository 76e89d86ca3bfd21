/**
 * Reports in every GraphQL response's `extensions.upstream` the provider calls the request made and
 * the budget its credentials have left, so that a partner can pace itself before meeting
 * UPSTREAM_RATE_LIMITED. The tally comes from the request's upstream scope (routes/context-factory.ts); a
 * response that needed no provider call carries none.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context';
import { currentUpstreamScope } from '../../providers/resilience/upstream-scope';

export function upstreamUsagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const scope = currentUpstreamScope(contextValue.signal);
          if (!scope || response.body.kind !== 'single') return;
          const { calls, budgetLeft } = scope.usage;
          // A response that asked no provider (cache, validation error, fake connectors) says nothing.
          if (Object.keys(calls).length === 0 && Object.keys(budgetLeft).length === 0) return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            upstream: { calls: { ...calls }, budgetLeft: { ...budgetLeft } },
          };
        },
      };
    },
  };
}
