/**
 * A preHandler hook for `/graphql` that runs the request (Fastify calls the handler synchronously from
 * `done`) in an interactive upstream scope: its provider calls go before bulk exports' and wait for
 * budget until `waitMs` after the request arrived, and they are tallied for `extensions.upstream`.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { newUpstreamScope, runInUpstreamScope } from '../providers/resilience/upstream-scope';

export function upstreamScopeHook(waitMs: number, now: () => number = Date.now) {
  return function enterUpstreamScope(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    if (request.routeOptions.url !== '/graphql') return done();
    runInUpstreamScope(newUpstreamScope('interactive', now() + waitMs), done);
  };
}
