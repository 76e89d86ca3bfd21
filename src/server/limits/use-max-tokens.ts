/**
 * `limits.maxTokens`: refuses query documents of more tokens than the limit before Apollo parses
 * them (every operation of a batch, GET and multipart included), counted by GraphQL Armor's parser,
 * which stops at the first token past the limit. Threat: huge documents (field or argument floods)
 * that cost parse and validation time and memory before any other limit can look at them. graphql's
 * own parser `maxTokens` (set in apollo.ts) is the backstop, but it answers GRAPHQL_PARSE_FAILED;
 * this check names the limit.
 */
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { FastifyInstance } from 'fastify';
import { LimitExceededError } from '../../errors';
import { operationsOf, refuseRequest } from './refuse-request';

/** True when the document has more than `max` tokens (comments excluded); lexical errors are left to Apollo's parser. */
export function exceedsTokens(query: string, max: number): boolean {
  // Every token is at least one character: a short document needs no count (armor's parser is ~10× a plain parse).
  if (query.length <= max) return false;
  let exceeded = false;
  const onReject = [() => void (exceeded = true)];
  try {
    new MaxTokensParserWLexer(query, { n: max, onReject, propagateOnRejection: true }).parseDocument();
  } catch {
    // Past the limit (armor stops there) or a syntax error, which Apollo answers with its position.
  }
  return exceeded;
}

const queryOf = (operation: unknown): unknown =>
  operation && typeof operation === 'object' ? (operation as { query?: unknown }).query : undefined;

// A Fastify hook, not armor's Apollo plugin: Apollo answers an error thrown before parsing as an internal error.
export function useMaxTokens(scope: FastifyInstance, maxTokens: number): void {
  scope.addHook('preHandler', async (request, reply) => {
    for (const operation of operationsOf(request.body, request.query)) {
      const query = queryOf(operation);
      if (typeof query !== 'string' || !exceedsTokens(query, maxTokens)) continue;
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
