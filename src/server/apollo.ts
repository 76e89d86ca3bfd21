/** The Apollo Server instance: schema, error masking, CSRF prevention and the small plugins. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { StringKeyValueCache } from '../cache/apq-store-cache';
import type { RequestContext } from '../context';
import { compiledExecutionGateway } from './execution/compiled-executor';
import { queryLimitPlugins, queryLimitRules, type QueryLimits } from './limits/query-limits';
import { useArgumentChecks } from './limits/use-argument-checks';
import { deferredErrorsPlugin } from './plugins/deferred-errors';
import { logErrorsPlugin } from './plugins/log-errors';
import { maskUnexpectedErrors } from './plugins/mask-errors';
import { noStoreHeaderPlugin } from './plugins/no-store-header';
import { releaseSentResponsePlugin } from './plugins/release-sent-response';
import { upstreamUsagePlugin } from './plugins/upstream-usage';
import { useAccessScopes } from './plugins/use-access-scopes';

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

/** Distinct operations whose compiled plans one instance keeps: ~40 KiB each, ~8 MiB at most. */
const MAX_COMPILED_PLANS = 200;

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
    // The schema, served through compiled plans (execution/compiled-executor.ts).
    gateway: compiledExecutionGateway(schema, { maxPlans: MAX_COMPILED_PLANS }),
    introspection,
    // Apollo's CSRF prevention. Threat: a page on another origin making a browser send a "simple"
    // request (GET, form post, multipart) it can fire without a CORS preflight. Such a request must
    // carry a header browsers only send cross-origin after a preflight: `apollo-require-preflight`,
    // `x-apollo-operation-name`, or `Authorization` — which every call here needs anyway, and which a
    // browser cannot add to a cross-origin request the server's CORS policy has not allowed.
    csrfPrevention: {
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'],
    },
    hideSchemaDetailsFromClientErrors: !fieldSuggestions,
    // Batches (JSON arrays) are accepted: each operation passes the limits, and the route caps how
    // many one request holds (limits/use-batch-limit.ts).
    allowBatchedHttpRequests: true,
    // Backstop of limits/use-max-tokens.ts, which refuses first with a clearer error.
    ...(limits ? { parseOptions: { maxTokens: limits.maxTokens } } : {}),
    // Depth, aliases and directives (GraphQL Armor), checked once per distinct document.
    ...(limits ? { validationRules: queryLimitRules(limits) } : {}),
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
      // Inline traces are for federation subgraphs, which this is not; Apollo's default would still
      // load its protobuf runtime (0.4 MB of source held for good, bench/notes.md "idle footprint").
      ApolloServerPluginInlineTraceDisabled(),
      noStoreHeaderPlugin(),
      logErrorsPlugin(),
      deferredErrorsPlugin(),
      upstreamUsagePlugin(),
      releaseSentResponsePlugin(),
      useAccessScopes(),
      ...(limits ? queryLimitPlugins(limits) : []),
      // After the limits: argument rules run only on operations within them.
      useArgumentChecks(),
      ...plugins,
    ],
  });
  await apollo.start();
  return apollo;
}
