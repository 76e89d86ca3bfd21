/** The Apollo Server instance: schema, error masking, CSRF prevention and the small plugins. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { StringKeyValueCache } from '../cache/apq-store-cache';
import type { RequestContext } from '../context';
import { queryLimitPlugins, type QueryLimits } from './limits/query-limits';
import { deferredErrorsPlugin } from './plugins/deferred-errors';
import { logErrorsPlugin } from './plugins/log-errors';
import { maskUnexpectedErrors } from './plugins/mask-errors';
import { noStoreHeaderPlugin } from './plugins/no-store-header';
import { upstreamUsagePlugin } from './plugins/upstream-usage';

export interface ApolloOptions {
  schema: GraphQLSchema;
  app: FastifyInstance;
  /** Introspection on or off (default on: partners explore the schema with their tools). */
  introspection?: boolean;
  /** "Did you mean …?" in validation errors (default on); see limits/schema-exposure.ts. */
  fieldSuggestions?: boolean;
  /** Per-operation limits (src/server/limits); default none. */
  limits?: QueryLimits;
  /** Where automatic persisted queries live (default Apollo's in-process LRU: one instance only). */
  persistedQueriesCache?: StringKeyValueCache;
  /** More plugins, run after the built-in ones (observability); default none. */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

export async function startApollo({
  schema,
  app,
  introspection = true,
  fieldSuggestions = true,
  limits,
  persistedQueriesCache,
  plugins = [],
}: ApolloOptions): Promise<ApolloServer<RequestContext>> {
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection,
    // Apollo's CSRF prevention: "simple" requests (GET, form posts, multipart) must carry a
    // non-simple header (`apollo-require-preflight` or `x-apollo-operation-name`), which browsers
    // only send cross-origin after a CORS preflight this server never grants.
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: !fieldSuggestions,
    // Batches (JSON arrays) are accepted: each operation passes the limits, and the route caps how
    // many one request holds (limits/use-batch-limit.ts).
    allowBatchedHttpRequests: true,
    // Backstop of limits/use-max-tokens.ts, which refuses first with a clearer error.
    ...(limits ? { parseOptions: { maxTokens: limits.maxTokens } } : {}),
    formatError: maskUnexpectedErrors,
    includeStacktraceInErrorResponses: false,
    // src/server/shutdown.ts owns SIGTERM/SIGINT (bounded drain, then pools and store); Apollo's own
    // handler would stop the server concurrently and re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
    ...(persistedQueriesCache ? { persistedQueries: { cache: persistedQueriesCache } } : {}),
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin wraps every field resolver (about
      // 5% of the CPU when paging 500 movements at a time, bench/RESULTS.md). no-store stays.
      ApolloServerPluginCacheControlDisabled(),
      noStoreHeaderPlugin(),
      logErrorsPlugin(),
      deferredErrorsPlugin(),
      upstreamUsagePlugin(),
      ...(limits ? queryLimitPlugins(limits) : []),
      ...plugins,
    ],
  });
  await apollo.start();
  return apollo;
}
