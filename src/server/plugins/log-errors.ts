/** Logs every error of an operation with the request id: unexpected ones at error level, the rest at debug/warn. */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { RequestContext } from '../../context';
import { RouteNotGrantedError, UpstreamError } from '../../errors';
import { isExposedError } from './mask-errors';

export function logErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const cause = unwrapResolverError(error);
            const log = contextValue.logger;
            if (!isExposedError(error))
              log.error({ err: cause, path: error.path }, 'unexpected error (masked in the response)');
            else if (cause instanceof UpstreamError)
              log.warn(
                { code: cause.code, provider: cause.provider, status: cause.status, path: error.path },
                cause.message,
              );
            // The tenant's provider token lacks a route: its admin must grant it, so it is worth a warning.
            else if (cause instanceof RouteNotGrantedError)
              log.warn(
                { code: cause.code, provider: cause.provider, route: cause.route, path: error.path },
                cause.message,
              );
            else log.debug({ code: error.extensions?.code, path: error.path }, error.message);
          }
        },
      };
    },
  };
}
