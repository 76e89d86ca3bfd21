/**
 * The HTTP application: Fastify with `/graphql` (Apollo), `/exports/<token>`, `/bulk-exports/<token>`,
 * `/graphiql`, `/healthz` and `/readyz`.
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
import { BulkExportService } from '../bulk/bulk-export-service';
import { ApqStoreCache } from '../cache/apq-store-cache';
import { withListCaches } from '../cache/cached-registry';
import { StoreTtlCache, type CacheLookupListener } from '../cache/store-ttl-cache';
import { DEFAULT_WAIT_MS } from '../providers/resilience/upstream-settings';
import { startApollo } from './apollo';
import { upstreamScopeHook } from './upstream-scope-hook';
import { schemaExposure } from './limits/schema-exposure';
import { echoRequestId, requestIdOf } from './request-id';
import { bulkDownloadRoute } from './routes/bulk-download.route';
import { contextFactory } from './routes/context-factory';
import { exportDownloadRoute } from './routes/export-download.route';
import { graphiqlRoute } from './routes/graphiql.route';
import { graphqlRoute } from './routes/graphql.route';
import { healthzRoute } from './routes/healthz.route';
import { readyzRoute } from './routes/readyz.route';

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
}

/** Most uploads carry one file; a few more are tolerated for batch-like operations. */
const MAX_FILES_PER_REQUEST = 5;

export async function createHttpApp(
  options: HttpAppOptions,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<RequestContext> }> {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // The observability access log replaces Fastify's lines, which print raw URLs (variables, tokens).
    ...(options.observability ? { logController: options.observability.logController } : {}),
    bodyLimit: config.limits.maxBodyBytes,
    // Signed download tokens in `/exports/:token` are longer than the default 100 characters.
    routerOptions: { maxParamLength: 2048 },
  });
  echoRequestId(app);
  options.observability?.install(app);
  app.addHook('preHandler', upstreamScopeHook(config.upstream.waitMs ?? DEFAULT_WAIT_MS));
  const apollo = await startApollo({
    schema: options.schema,
    app,
    ...schemaExposure(config),
    limits: config.limits,
    persistedQueriesCache: new ApqStoreCache(options.store),
    plugins: options.observability ? [options.observability.apolloPlugin] : [],
  });
  // Sessions list companies and exercises through a tenant-scoped cache on the shared store.
  const listCache = new StoreTtlCache({
    store: options.store,
    ttlMs: config.cache.listTtlMs,
    ...(options.onCacheLookup ? { onLookup: options.onCacheLookup } : {}),
  });
  const registry =
    config.cache.listTtlMs > 0 ? withListCaches(options.registry, listCache) : options.registry;
  const bulkExports = new BulkExportService({
    registry: options.registry,
    store: options.store,
    logger: options.logger,
  });
  app.addHook('onClose', () => bulkExports.close());
  healthzRoute(app);
  readyzRoute(app, { store: options.store });
  if (config.graphiql.enabled) graphiqlRoute(app, { defaultHeaders: config.graphiql.defaultHeaders });
  exportDownloadRoute(app, {
    tenants: options.tenants,
    registry: options.registry,
    signingSecret: config.signingSecret,
  });
  bulkDownloadRoute(app, { tenants: options.tenants, bulkExports, signingSecret: config.signingSecret });
  await app.register(graphqlRoute, {
    apollo,
    tenants: options.tenants,
    createContext: contextFactory({
      registry,
      store: options.store,
      signingSecret: config.signingSecret,
      publicUrl: options.publicUrl,
      bulkExports,
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
