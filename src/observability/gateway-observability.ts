/**
 * Everything one gateway reports about itself — logs, Prometheus metrics, OpenTelemetry spans —
 * built once per gateway and wired in by gateway.ts (connector hooks) and server/app.ts (HTTP hooks,
 * `/metrics`, the Apollo plugin). Nothing here is global except the async context manager, shared.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Span, Tracer, TracerProvider } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest, LogController } from 'fastify';
import type { RequestContext } from '../context';
import type { CacheLookupListener } from '../cache/store-ttl-cache';
import type { Logger } from '../logger';
import type { BreakerStateChange, UpstreamAttempt } from '../providers/http';
import type { LoaderBatchListener } from '../providers/observed-batch';
import { metricsRoute } from '../server/routes/metrics.route';
import { AccessLogController, accessLogHook } from './access-log';
import { BREAKER_STATE_VALUE, BreakerStates } from './breaker-states';
import { GatewayMetrics } from './gateway-metrics';
import { graphqlOperationPlugin } from './graphql-operation-plugin';
import { OperationLabels } from './operation-labels';
import { OperationLog } from './operation-log';
import { graphqlScopeHook } from './request-scope';
import { createTracing, holdAsyncContext } from './tracing';
import { upstreamObserver } from './upstream-observer';

export interface ObservabilityOptions {
  logger: Logger;
  /** OTLP/HTTP endpoint spans are exported to (`config.otlpEndpoint`); default none: no spans. */
  otlpEndpoint?: string | undefined;
  /** A tracer provider to use instead of the OTLP one (tests); default none. */
  tracerProvider?: TracerProvider | undefined;
  /** Providers whose breaker gauge starts at 0 (closed), so the series exist before any failure. */
  providers?: readonly string[];
  /** Distinct operation names kept as metric labels (default 200); later ones count as `other`. */
  maxOperationLabels?: number;
}

export interface GatewayObservability {
  metrics: GatewayMetrics;
  tracer: Tracer | null;
  onUpstreamAttempt(attempt: UpstreamAttempt): void;
  onBreakerStateChange(change: BreakerStateChange): void;
  onLoaderBatch: LoaderBatchListener;
  onCacheLookup: CacheLookupListener;
  apolloPlugin: ApolloServerPlugin<RequestContext>;
  /** Fastify's request logging without the lines the access log replaces (`logController` option). */
  logController: LogController;
  /** Adds the request scope and access-log hooks and `GET /metrics`; call before registering routes. */
  install(app: FastifyInstance): void;
  /** Flushes and stops span export. */
  close(): Promise<void>;
}

export async function createObservability(options: ObservabilityOptions): Promise<GatewayObservability> {
  const metrics = new GatewayMetrics();
  const tracing = await createTracing(options);
  const { tracer } = tracing;
  // Request scope (async context) only when read: by spans, or by debug upstream lines.
  const scoped = tracer !== null || options.logger.isLevelEnabled('debug');
  const releaseAsyncContext = scoped ? holdAsyncContext() : () => undefined;
  const breakers = new BreakerStates();
  for (const provider of options.providers ?? []) metrics.breakerState.set({ provider }, 0);
  const operationLog = new OperationLog();
  const spans = new WeakMap<FastifyRequest, Span>();
  return {
    metrics,
    tracer,
    onUpstreamAttempt: upstreamObserver({ metrics, tracer, logger: options.logger }),
    onBreakerStateChange(change) {
      const worst = breakers.apply(change);
      metrics.breakerState.set({ provider: change.provider.toLowerCase() }, BREAKER_STATE_VALUE[worst]);
    },
    onLoaderBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size),
    onCacheLookup: ({ cache, hit }) => metrics.cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' }),
    apolloPlugin: graphqlOperationPlugin({
      metrics,
      tracer,
      labels: new OperationLabels(options.maxOperationLabels),
      operationLog,
    }),
    logController: new AccessLogController(),
    install(app) {
      if (scoped) app.addHook('preHandler', graphqlScopeHook(tracer, spans));
      app.addHook('onResponse', accessLogHook(operationLog, spans));
      metricsRoute(app, { metrics });
    },
    async close() {
      releaseAsyncContext();
      await tracing.close();
    },
  };
}
