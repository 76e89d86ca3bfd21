/**
 * One log line per HTTP request, replacing Fastify's two (incoming, completed), which print the raw
 * URL: GET queries carry variables there and download routes a signed token. This line names the
 * route template only. A GraphQL request whose operations the operation plugin held gets those lines
 * instead, with the status sent, so a GraphQL request costs one line; refusals before Apollo (401, 413)
 * still get one.
 */
import { LogController, type FastifyReply, type FastifyRequest, type HookHandlerDoneFunction } from 'fastify';
import type { Span } from '@opentelemetry/api';
import type { Logger } from '../logger';
import type { OperationLog } from './operation-log';

/** Fastify's own request lines minus the ones the access log replaces; errors keep their line, without the URL. */
export class AccessLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(): void {}

  override routeNotFound(): void {}

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { err: error, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode };
    if (reply.statusCode >= 500) reply.log.error(fields, error.message);
    else reply.log.info(fields, error.message);
  }
}

/** Polled routes, logged at debug so that probes and scrapes do not drown the log. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export function accessLogHook(operationLog: OperationLog, spans: WeakMap<FastifyRequest, Span>) {
  return function logRequest(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      span.end();
    }
    if (!operationLog.write(request.log as Logger, reply.statusCode)) {
      const route = request.routeOptions.url ?? 'unmatched';
      const fields = {
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      };
      if (QUIET_ROUTES.has(route)) request.log.debug(fields, 'request completed');
      else if (reply.statusCode >= 500) request.log.warn(fields, 'request completed');
      else request.log.info(fields, 'request completed');
    }
    done();
  };
}
