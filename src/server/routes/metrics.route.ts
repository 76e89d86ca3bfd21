/**
 * `GET /metrics`: this gateway's Prometheus metrics in the text exposition format. Unauthenticated,
 * like scrapers expect: it shows operation names, provider routes and counts, never tenant data;
 * keep it reachable by the scraper only (network policy), as with /healthz.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from '../../observability/gateway-metrics';

export function metricsRoute(app: FastifyInstance, options: { metrics: GatewayMetrics }): void {
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await options.metrics.expose();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
