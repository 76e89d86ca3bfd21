/**
 * Observes each upstream attempt (called by the UpstreamClient once the provider answered or failed):
 * counter and latency by provider and route template, a debug log line on the request's logger, and
 * a client span under the operation's span. Routes are templates (`/v3/export-jobs/{jobId}`), never
 * URLs: ids would explode the metrics' cardinality and URLs may carry credentials.
 */
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { UpstreamAttempt } from '../providers/http';
import type { Logger } from '../logger';
import type { GatewayMetrics } from './gateway-metrics';
import { currentRequestScope } from './request-scope';

/** `GET /api/v1/society` → `/api/v1/society` (the method is its own attribute). */
export const routeTemplate = (route: string): string => route.replace(/^[A-Z]+ /, '');

export interface UpstreamObserverDeps {
  metrics: GatewayMetrics;
  tracer: Tracer | null;
  /** For calls made outside a GraphQL request (bulk exports, token refresh). */
  logger: Logger;
}

export function upstreamObserver(deps: UpstreamObserverDeps): (attempt: UpstreamAttempt) => void {
  return (attempt) => {
    const provider = attempt.provider.toLowerCase();
    const route = routeTemplate(attempt.route);
    const status = attempt.status === null ? 'error' : String(attempt.status);
    deps.metrics.upstreamRequests.inc({ provider, route, status });
    deps.metrics.upstreamDuration.observe({ provider, route }, attempt.durationMs / 1000);
    const log = currentRequestScope()?.logger ?? deps.logger;
    if (log.isLevelEnabled('debug')) {
      log.debug(
        {
          provider,
          method: attempt.method,
          route,
          status: attempt.status,
          durationMs: attempt.durationMs,
          ...(attempt.error ? { error: attempt.error } : {}),
        },
        'upstream call',
      );
    }
    if (deps.tracer) traceAttempt(deps.tracer, attempt, route);
  };
}

/** The attempt is reported once done: its span is built after the fact with its real start time. */
function traceAttempt(tracer: Tracer, attempt: UpstreamAttempt, route: string): void {
  const end = Date.now();
  const span = tracer.startSpan(`${attempt.method} ${route}`, {
    kind: SpanKind.CLIENT,
    startTime: end - attempt.durationMs,
    attributes: {
      'grand_livre.provider': attempt.provider,
      'http.request.method': attempt.method,
      'url.template': route,
      ...(attempt.status === null ? {} : { 'http.response.status_code': attempt.status }),
      ...(attempt.error ? { 'error.type': attempt.error } : {}),
    },
  });
  if (attempt.status === null || attempt.status >= 400) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: attempt.error ?? `HTTP ${attempt.status}` });
  }
  span.end(end);
}
