/**
 * `Cache-Control: no-store` on every GraphQL response. Threat: a shared cache (proxy, CDN) keeping one
 * tenant's data and serving it to another — GET queries are cacheable by default. Apollo's
 * cache-control plugin set this header too, but it also wraps every field resolver to compute cache
 * hints this API never gives, so it is disabled and this one-line plugin keeps the header.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function noStoreHeaderPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
