/**
 * The Prometheus metrics of one gateway, on its own prom-client `Registry` (never the global one),
 * so two gateways in one process (tests, a blue/green swap) do not collide; the process's own metrics
 * come from process-metrics.ts, once per process. Every label value is
 * bounded: operation names are capped (operation-labels.ts), upstream routes are templates without ids.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WindowCache } from '../cache/window-cache';
import { processMetrics } from './process-metrics';

/** Latency buckets in seconds: from a cached list (~5 ms) to a slow provider export (30 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Batch buckets up to the largest `maxBatchSize` a loader uses (the node loader's 100). */
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100];

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name and outcome (success, partial, error, rejected).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly upstreamRequests = new Counter({
    name: 'upstream_requests_total',
    help: 'Calls to providers (each retry counts), by provider, route template and HTTP status ("error" when no answer).',
    labelNames: ['provider', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Time to a provider answer (response headers), by provider and route template.',
    labelNames: ['provider', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly loaderBatchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'cache_lookups_total',
    help: 'Lookups of the shared list cache, by cache and result (hit, miss).',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly breakerState = new Gauge({
    name: 'circuit_breaker_state',
    help: "Worst circuit breaker state among a provider's connectors: 0 closed, 1 half-open, 2 open.",
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  /** Reports the instance's window cache (src/cache/window-cache.ts), read at each scrape. */
  observeWindowCache(cache: WindowCache): void {
    const registers = [this.registry];
    new Gauge({
      name: 'window_cache_bytes',
      help: 'Bytes of window-cache slabs holding listing-snapshot chunks now (bound: cache.windowBytes).',
      registers,
      collect() {
        this.set(cache.bytes);
      },
    });
    new Gauge({
      name: 'window_cache_allocated_bytes',
      help: 'Bytes of slabs the window cache allocated, held or free for reuse (never above cache.windowBytes).',
      registers,
      collect() {
        this.set(cache.allocatedBytes);
      },
    });
    new Gauge({
      name: 'window_cache_entries',
      help: 'Decoded listing-snapshot chunks held by this instance.',
      registers,
      collect() {
        this.set(cache.size);
      },
    });
    let reported = 0;
    new Counter({
      name: 'window_cache_evictions_total',
      help: 'Chunks the window cache dropped to stay under cache.windowBytes.',
      registers,
      collect() {
        this.inc(cache.evictions - reported);
        reported = cache.evictions;
      },
    });
  }

  /** The process's metrics then this gateway's, in the text exposition format, for `GET /metrics`. */
  async expose(): Promise<{ contentType: string; body: string }> {
    const scraped = Registry.merge([processMetrics(), this.registry]);
    return { contentType: scraped.contentType, body: await scraped.metrics() };
  }
}
