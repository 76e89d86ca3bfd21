/**
 * What upstream observers need from the GraphQL request they run in — its logger (request id, tenant)
 * and its span — carried in the OpenTelemetry context across async calls. Installed only when
 * something reads it (tracing, or debug logs), since async context tracking has a CPU cost.
 */
import { context, createContextKey, trace, SpanKind, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from '../logger';

export interface RequestScope {
  logger: Logger;
  /** The request's span: the operation's, or a `graphql.batch` span holding one per operation. */
  span: Span | null;
  /** A batched request (JSON array): the operation plugin opens one child span per operation. */
  batch: boolean;
}

const SCOPE = createContextKey('grand-livre.request-scope');

/** The scope of the GraphQL request running now, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return context.active().getValue(SCOPE) as RequestScope | undefined;
}

/**
 * A preHandler hook for `/graphql` that runs the rest of the request (Fastify calls the handler
 * synchronously from `done`) inside a context holding its scope, and opens its span.
 */
export function graphqlScopeHook(tracer: Tracer | null, spans: WeakMap<FastifyRequest, Span>) {
  return function enterGraphqlScope(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    if (request.routeOptions.url !== '/graphql') return done();
    const batch = Array.isArray(request.body);
    const span =
      tracer?.startSpan(batch ? 'graphql.batch' : 'graphql', {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': '/graphql',
          ...(request.tenant ? { 'grand_livre.tenant': request.tenant.id } : {}),
        },
      }) ?? null;
    if (span) spans.set(request, span);
    const scope: RequestScope = { logger: request.log as unknown as Logger, span, batch };
    let active = context.active().setValue(SCOPE, scope);
    if (span) active = trace.setSpan(active, span);
    context.with(active, done);
  };
}
