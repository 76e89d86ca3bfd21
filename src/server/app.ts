/**
 * The HTTP application: Fastify with `/graphql` (Apollo), `/exports/<token>`, `/healthz` and `/readyz`.
 * Request ids are generated or taken from `x-request-id` and echoed on every response.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';
import type { TenantDirectory } from '../auth/api-key';
import type { ConnectorRegistry } from '../providers/registry';
import type { SharedStore } from '../store/types';
import { startApollo } from './apollo';
import { echoRequestId, requestIdOf } from './request-id';
import { contextFactory } from './routes/context-factory';
import { exportDownloadRoute } from './routes/export-download.route';
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
    bodyLimit: config.limits.maxBodyBytes,
    // Signed download tokens in `/exports/:token` are longer than the default 100 characters.
    routerOptions: { maxParamLength: 2048 },
  });
  echoRequestId(app);
  const apollo = await startApollo({
    schema: options.schema,
    app,
    introspection: config.introspection ?? true,
  });
  healthzRoute(app);
  readyzRoute(app, { store: options.store });
  exportDownloadRoute(app, {
    tenants: options.tenants,
    registry: options.registry,
    signingSecret: config.signingSecret,
  });
  await app.register(graphqlRoute, {
    apollo,
    tenants: options.tenants,
    createContext: contextFactory({
      registry: options.registry,
      store: options.store,
      signingSecret: config.signingSecret,
      publicUrl: options.publicUrl,
    }),
    uploadLimits: {
      maxFileBytes: config.limits.maxUploadBytes,
      maxFiles: MAX_FILES_PER_REQUEST,
      maxFieldBytes: config.limits.maxBodyBytes,
    },
  });
  return { app, apollo };
}
