/**
 * Partial data: resolvers that keep going after a provider fails (e.g. `companies` when one provider
 * is down) push the failure to `context.deferredErrors`; this plugin appends those to the response's
 * `errors`, formatted and masked like every other error, while `data` stays as resolved.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context';
import { maskUnexpectedErrors } from './mask-errors';

export function deferredErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const deferred = contextValue.deferredErrors;
          if (deferred.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const formatted = deferred.map((error) => maskUnexpectedErrors(error.toJSON(), error));
          result.errors = [...(result.errors ?? []), ...formatted];
        },
      };
    },
  };
}
