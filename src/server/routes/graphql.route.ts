/**
 * `/graphql` (GET for queries, POST for everything; JSON or multipart). Authentication and the
 * tenant's browser-origin check run in onRequest, before the body is read; the context is built per
 * request by createContext.
 */
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { RequestContext } from '../../context';
import { authenticateHook, type Authenticator } from '../../auth/authenticate';
import { refuseForeignOrigin, type BrowserOrigins } from '../cors/browser-origins';
import { useBatchLimit } from '../limits/use-batch-limit';
import { useMaxTokens } from '../limits/use-max-tokens';
import { acceptGraphQLMultipart } from '../multipart/multipart-plugin';
import type { MultipartLimits } from '../multipart/parse-multipart';
import type { ContextFactory } from './context-factory';
import { useJsonRequestErrorStatus } from './request-error-status';

export interface GraphQLRouteOptions {
  apollo: ApolloServer<RequestContext>;
  auth: Authenticator;
  /** Browser origins each tenant allows (a listed origin's requests for another tenant are refused). */
  origins: BrowserOrigins;
  createContext: ContextFactory;
  uploadLimits: MultipartLimits;
  /** Operations one batched request may hold (`limits.maxBatchOperations`). */
  maxBatchOperations: number;
  /** Lexical tokens one query document may hold (`limits.maxTokens`). */
  maxTokens: number;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** Transport errors answer in the media type the client prefers, as Apollo does for GraphQL errors. */
function responseMediaType(accept: string | undefined): string {
  const quality = (type: string) =>
    (accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([name]) => name?.trim() === type)
      .map(([, ...params]) => Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1))[0] ?? 0;
  return quality(GRAPHQL_RESPONSE) > 0 && quality(GRAPHQL_RESPONSE) >= quality('application/json')
    ? GRAPHQL_RESPONSE
    : 'application/json';
}

export async function graphqlRoute(scope: FastifyInstance, options: GraphQLRouteOptions): Promise<void> {
  acceptGraphQLMultipart(scope, options.uploadLimits);
  useBatchLimit(scope, options.maxBatchOperations);
  useMaxTokens(scope, options.maxTokens);
  useJsonRequestErrorStatus(scope);
  // Transport failures (bad JSON, body too large, broken multipart) answer in the GraphQL error shape too.
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'transport error');
    const message = status === 500 ? 'Unexpected error.' : error.message;
    const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    return reply
      .code(status)
      .type(`${responseMediaType(request.headers.accept)}; charset=utf-8`)
      .send({ errors: [{ message, extensions: { code } }] });
  });
  // GraphQL-over-HTTP: other methods are 405 with the allowed ones, not a route-less 404.
  scope.route({
    url: '/graphql',
    method: ['PUT', 'PATCH', 'DELETE'],
    handler: async (_request, reply) =>
      reply
        .code(405)
        .header('allow', 'GET, POST')
        .type('application/json; charset=utf-8')
        .send({ errors: [{ message: 'Use GET or POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] }),
  });
  scope.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    onRequest: [authenticateHook(options.auth), refuseForeignOrigin(options.origins)],
    handler: fastifyApolloHandler(options.apollo, {
      context: async (request, reply) => options.createContext(request, reply),
    }),
  });
}
