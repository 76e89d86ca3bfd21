/**
 * `limits.maxTokens`: refuses query documents of more tokens than the limit before Apollo parses
 * them (every operation of a batch, GET and multipart included). Threat: huge documents (field or
 * argument floods) that cost parse and validation time and memory before any other limit can look
 * at them. graphql's own parser `maxTokens` (set in apollo.ts) is the backstop, but it answers
 * GRAPHQL_PARSE_FAILED; this check names the limit. (A Fastify hook: Apollo treats an error thrown
 * from its pre-parse plugin hooks as an internal error.)
 */
import type { FastifyInstance } from 'fastify';
import { LimitExceededError } from '../../errors';
import { countTokens } from './count-tokens';
import { operationsOf, refuseRequest } from './refuse-request';

const queryOf = (operation: unknown): unknown =>
  operation && typeof operation === 'object' ? (operation as { query?: unknown }).query : undefined;

export function useMaxTokens(scope: FastifyInstance, maxTokens: number): void {
  scope.addHook('preHandler', async (request, reply) => {
    for (const operation of operationsOf(request.body, request.query)) {
      const query = queryOf(operation);
      if (typeof query !== 'string' || countTokens(query, maxTokens) <= maxTokens) continue;
      return refuseRequest(
        reply,
        new LimitExceededError(
          'maxTokens',
          maxTokens,
          `The query has more than ${maxTokens} tokens, the limit (limits.maxTokens).`,
        ),
      );
    }
  });
}
