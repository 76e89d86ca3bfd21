/**
 * Assembles the gateway: connectors per tenant and provider, the schema, the HTTP app. Used by
 * `main.ts` and by tests (which may inject connectors and a store).
 */
import 'reflect-metadata';
import type { TracerProvider } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from './config';
import { createLogger, type Logger } from './logger';
import { createTenantDirectory } from './auth/api-key';
import { createObservability } from './observability/gateway-observability';
import {
  buildConnectorRegistry,
  closeConnectorRegistry,
  type ConnectorOverrides,
} from './providers/registry';
import type { ConnectorDeps } from './providers/types';
import { buildGrandLivreSchema } from './schema/build-schema';
import { createHttpApp, type HttpAppOptions } from './server/app';
import { createStore } from './store/create-store';
import type { SharedStore } from './store/types';
import { WindowCache } from './cache/window-cache';

export type { ConnectorOverrides };

export interface GatewayOptions {
  config: GatewayConfig;
  /** Connectors to use instead of the configured ones (tests); default none. */
  connectors?: ConnectorOverrides;
  /**
   * Shared state (tokens, idempotency records, caches); default the store `config.redisUrl` names
   * (Redis) or a fresh in-memory one, created here and closed with the gateway.
   */
  store?: SharedStore;
  /** Root logger; default pino at `config.logLevel`. */
  logger?: Logger;
  /** Observes each upstream attempt (metrics, tests). */
  onUpstreamAttempt?: ConnectorDeps['onAttempt'];
  /** Observes each hit or miss of the companies/exercises list cache (metrics); default none. */
  onCacheLookup?: HttpAppOptions['onCacheLookup'];
  /** The schema to serve (tests adding fields in a fixture); default buildGrandLivreSchema(). */
  schema?: GraphQLSchema;
  /** Spans go to this provider instead of `config.otlpEndpoint`'s exporter (tests); not shut down here. */
  tracerProvider?: TracerProvider;
  /** Clock of access token and download link expiries, epoch ms (tests); default Date.now. */
  now?: () => number;
}

export interface Gateway {
  app: FastifyInstance;
  /** Listens on `config.host:config.port` (0 = ephemeral) and resolves to the base URL, e.g. `http://127.0.0.1:4000`. */
  listen(): Promise<string>;
  /** Stops accepting requests, drains in-flight ones, closes connectors (and the store it created). */
  close(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store =
    options.store ??
    createStore({ redisUrl: config.redisUrl, commandTimeoutMs: config.store.commandTimeoutMs });
  const observability = await createObservability({
    logger,
    otlpEndpoint: config.otlpEndpoint,
    tracerProvider: options.tracerProvider,
    providers: [...new Set(config.tenants.flatMap((tenant) => Object.keys(tenant.providers)))],
  });
  const storeIsShared = Boolean(options.store || config.redisUrl);
  const windowCache = new WindowCache({ maxBytes: config.cache.windowBytes });
  observability.metrics.observeWindowCache(windowCache);
  const onUpstreamAttempt = options.onUpstreamAttempt;
  const registry = await buildConnectorRegistry({
    config,
    overrides: options.connectors,
    deps: {
      store,
      snapshotTtlMs: config.cache.snapshotTtlMs,
      windowCache,
      // A store this gateway made in memory is read by no other instance: chunks leave the cache only when evicted.
      snapshotChunksInStore: storeIsShared,
      // With the list cache off a first page reads the provider; a snapshot still serves its own cursors.
      reuseSnapshots: config.cache.listTtlMs > 0,
      http: {
        ...config.http,
        upstream: config.upstream,
        budgetStore: store,
        ...(storeIsShared ? { routeSlotStore: store } : {}),
        onBreakerStateChange: (change) => observability.onBreakerStateChange(change),
      },
      onAttempt: onUpstreamAttempt
        ? (attempt) => {
            observability.onUpstreamAttempt(attempt);
            onUpstreamAttempt(attempt);
          }
        : (attempt) => observability.onUpstreamAttempt(attempt),
      onLoaderBatch: observability.onLoaderBatch,
    },
  });
  let baseUrl = config.publicUrl?.replace(/\/$/, '') ?? `http://${config.host}:${config.port}`;
  const { app, apollo } = await createHttpApp({
    config,
    logger,
    schema: options.schema ?? (await buildGrandLivreSchema()),
    tenants: createTenantDirectory(config.tenants),
    registry,
    store,
    publicUrl: () => baseUrl,
    onCacheLookup: options.onCacheLookup
      ? (event) => {
          observability.onCacheLookup(event);
          options.onCacheLookup?.(event);
        }
      : observability.onCacheLookup,
    observability,
    ...(options.now ? { now: options.now } : {}),
  });
  let closed = false;
  return {
    app,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const url = `http://${host}:${port}`;
      if (!config.publicUrl) baseUrl = url;
      return url;
    },
    async close() {
      if (closed) return;
      closed = true;
      await apollo.stop(); // drains and closes the Fastify server (fastifyApolloDrainPlugin)
      await closeConnectorRegistry(registry);
      if (!options.store) await store.close();
      await observability.close();
    },
  };
}
