/**
 * Once the HTTP response is sent, Apollo's request keeps nothing of the result: the request context's
 * `release` (at the reply's close, routes/context-factory.ts) drops the result tree the response was
 * written from. Whatever still points at Apollo's request, even a dead old-space object the scavenger
 * reads as a root until the next full GC, then keeps no page alive (bench/notes.md, "the holder").
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context';

export function releaseSentResponsePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { body } = response;
          if (body.kind !== 'single') return;
          contextValue.onRelease(() => {
            delete body.singleResult.data;
          });
        },
      };
    },
  };
}
