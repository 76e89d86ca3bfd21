/**
 * The HTTP application: Fastify with CORS, `/graphql` (Apollo), the download links (`/exports/<token>`,
 * `/documents/<token>`, `/bulk-exports/<token>`), `/graphiql`, `/healthz` and `/readyz`.
 * Request ids are generated or taken from `x-request-id` and echoed on every response.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';
import type { GatewayObservability } from '../observability/gateway-observability';
import type { TenantDirectory } from '../auth/api-key';
import type { ConnectorRegistry } from '../providers/registry';
import type { SharedStore } from '../store/types';
import { createBlobStore } from '../bulk/blob/create-blob-store';
import { BulkExportRunner } from '../bulk/bulk-export-runner';
import { ApqStoreCache } from '../cache/apq-store-cache';
import { withListCaches } from '../cache/cached-registry';
import { companyCacheKeys } from '../cache/list-cache-keys';
import { StoreTtlCache, type CacheLookupListener } from '../cache/store-ttl-cache';
import { DEFAULT_WAIT_MS } from '../providers/resilience/upstream-settings';
import { startApollo } from './apollo';
import { lazySchemaCompilers } from './lazy-schema-compilers';
import { createNodeLoader } from '../schema/node/node.loader';
import { useMutationEffects } from './plugins/mutation-effects';
import { schemaExposure } from './limits/schema-exposure';
import { echoRequestId, requestIdOf } from './request-id';
import { createAuthenticator } from '../auth/authenticate';
import { BrowserOrigins } from './cors/browser-origins';
import { useCors } from './cors/use-cors';
import { contextFactory } from './routes/context-factory';
import { downloadRoutes } from './routes/download.route';
import { graphiqlRoute } from './routes/graphiql.route';
import { graphqlRoute } from './routes/graphql.route';
import { healthzRoute } from './routes/healthz.route';
import { readyzRoute } from './routes/readyz.route';
import { schemaSdlRoute } from './routes/schema-sdl.route';

export interface HttpAppOptions {
  config: GatewayConfig;
  logger: Logger;
  schema: GraphQLSchema;
  tenants: TenantDirectory;
  registry: ConnectorRegistry;
  store: SharedStore;
  /** Base URL for links the gateway hands out (known once listening). */
  publicUrl: () => string;
  /** Observes each lookup of the companies/exercises list cache (metrics); default none. */
  onCacheLookup?: CacheLookupListener;
  /** Access log, `/metrics`, operation logs/metrics/spans (src/observability); default Fastify's request logs only. */
  observability?: GatewayObservability;
  /** Clock of access token and download link expiries, epoch ms (tests); default Date.now. */
  now?: () => number;
}

/** Most uploads carry one file; a few more are tolerated for batch-like operations. */
const MAX_FILES_PER_REQUEST = 5;

export async function createHttpApp(
  options: HttpAppOptions,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<RequestContext> }> {
  const { config } = options;
  const app = Fastify({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it picks Fastify's logger generic
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // The observability access log replaces Fastify's lines, which print raw URLs (variables, tokens).
    ...(options.observability ? { logController: options.observability.logController } : {}),
    bodyLimit: config.limits.maxBodyBytes,
    // Signed download tokens in `/exports/:token` are longer than the default 100 characters.
    routerOptions: { maxParamLength: 2048 },
    schemaController: { compilersFactory: lazySchemaCompilers() },
  });
  echoRequestId(app);
  options.observability?.install(app);
  const origins = new BrowserOrigins(config.tenants, options.publicUrl);
  await useCors(app, origins);
  const auth = createAuthenticator({
    tenants: options.tenants,
    signingSecret: config.signingSecret,
    ...(options.now ? { now: options.now } : {}),
  });
  const exposure = schemaExposure(config);
  // Sessions list companies and exercises through a tenant-scoped cache on the shared store.
  const listCache = new StoreTtlCache({
    store: options.store,
    ttlMs: config.cache.listTtlMs,
    ...(options.onCacheLookup ? { onLookup: options.onCacheLookup } : {}),
  });
  const cachesLists = config.cache.listTtlMs > 0;
  const mutationEffects = useMutationEffects(
    cachesLists
      ? {
          invalidateCompany: (tenantId, { provider, companyId }) =>
            listCache.invalidate(companyCacheKeys(tenantId, provider, companyId)),
        }
      : {},
  );
  const apollo = await startApollo({
    schema: options.schema,
    app,
    ...exposure,
    limits: config.limits,
    persistedQueriesCache: new ApqStoreCache(options.store),
    plugins: [mutationEffects, ...(options.observability ? [options.observability.apolloPlugin] : [])],
  });
  const registry = cachesLists ? withListCaches(options.registry, listCache) : options.registry;
  const bulkExports = new BulkExportRunner({
    registry: options.registry,
    store: options.store,
    logger: options.logger,
    blobs: createBlobStore(config.bulk.storage),
    leaseMs: config.bulk.leaseMs,
    maxAttempts: config.bulk.maxAttempts,
    sweepMs: config.bulk.sweepMs,
  });
  app.addHook('onClose', () => bulkExports.close());
  healthzRoute(app);
  readyzRoute(app, { store: options.store });
  if (exposure.introspection) schemaSdlRoute(app, { schema: options.schema });
  if (config.graphiql.enabled) graphiqlRoute(app, { defaultHeaders: config.graphiql.defaultHeaders });
  downloadRoutes(app, {
    auth,
    registry: options.registry,
    bulkExports,
    origins,
    signingSecret: config.signingSecret,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.register(graphqlRoute, {
    apollo,
    auth,
    origins,
    createContext: contextFactory({
      registry,
      store: options.store,
      signingSecret: config.signingSecret,
      publicUrl: options.publicUrl,
      bulkExports,
      ...(options.now ? { now: options.now } : {}),
      nodeLoader: createNodeLoader,
      idempotency: config.idempotency,
      upstreamWaitMs: config.upstream.waitMs ?? DEFAULT_WAIT_MS,
    }),
    maxBatchOperations: config.limits.maxBatchOperations,
    maxTokens: config.limits.maxTokens,
    uploadLimits: {
      maxFileBytes: config.limits.maxUploadBytes,
      maxFiles: MAX_FILES_PER_REQUEST,
      maxFieldBytes: config.limits.maxBodyBytes,
    },
  });
  return { app, apollo };
}
