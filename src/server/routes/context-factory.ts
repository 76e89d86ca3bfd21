/** Adapts createContext to Fastify: tenant from the auth hook, request id, logger child, abort on disconnect. */
import { setMaxListeners } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type ContextInput, type RequestContext } from '../../context';
import type { BulkExportRunner } from '../../bulk/bulk-export-runner';
import type { ConnectorRegistry } from '../../providers/registry';
import type { SharedStore } from '../../store/types';
import type { IdempotencyOptions } from '../../idempotency/run-idempotently';
import type { Logger } from '../../logger';
import { UnauthenticatedError } from '../../errors';
import { bindUpstreamScope, newUpstreamScope } from '../../providers/resilience/upstream-scope';

export type ContextFactory = (request: FastifyRequest, reply: FastifyReply) => RequestContext;

export interface ContextFactoryOptions {
  registry: ConnectorRegistry;
  store: SharedStore;
  signingSecret: string;
  publicUrl: () => string;

  /** Clock of token and link expiries (default Date.now). */
  now?: () => number;
  bulkExports?: BulkExportRunner;
  nodeLoader: ContextInput['nodeLoader'];
  idempotency?: IdempotencyOptions;
  /** How long the request's provider calls may wait for budget, from its start, in ms (config upstream.waitMs). */
  upstreamWaitMs: number;
}

export function contextFactory(options: ContextFactoryOptions): ContextFactory {
  const now = options.now ?? Date.now;
  return (request, reply) => {
    const tenant = request.tenant;
    // The route's onRequest hook authenticates; reaching here without a tenant is a wiring bug.
    if (!tenant) throw new UnauthenticatedError();
    const aborter = new AbortController();
    // Mutations' calls run on when the client leaves (context.ts): their signal is never aborted.
    const mutationSignal = new AbortController().signal;
    // Each upstream call listens while it waits for budget or runs: one request may hold dozens (a
    // leak would still pass 1,000 and warn).
    setMaxListeners(1_000, aborter.signal, mutationSignal);
    // The request's calls go before bulk exports', wait for budget until upstreamWaitMs after it
    // started, and are tallied for `extensions.upstream` (plugins/upstream-usage.ts).
    const scope = newUpstreamScope('interactive', now() + options.upstreamWaitMs);
    bindUpstreamScope(aborter.signal, scope);
    bindUpstreamScope(mutationSignal, scope);
    const context = createContext({
      requestId: String(request.id),
      tenant,
      ...(request.caller ? { caller: request.caller } : {}),
      ...(options.now ? { now: options.now } : {}),
      logger: request.log as unknown as Logger,
      store: options.store,
      signingSecret: options.signingSecret,
      publicUrl: options.publicUrl(),
      connectors: options.registry.get(tenant.id) ?? new Map(),
      signal: aborter.signal,
      mutationSignal,
      nodeLoader: options.nodeLoader,
      ...(options.bulkExports ? { bulkExports: options.bulkExports } : {}),
      ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    });
    // A response closed before it finished means the client left: stop the upstream calls.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) aborter.abort();
      // Sent: a dead old-space holder of the context must keep no page alive through scavenges (bench/notes.md).
      else context.release();
    });
    return context;
  };
}
