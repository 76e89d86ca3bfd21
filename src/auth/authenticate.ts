/**
 * Fastify onRequest hook that authenticates `/graphql` (and export downloads) before the body is even parsed (uploads included) and before any resolver runs.
 * No key or an unknown key → HTTP 401 with a GraphQL-shaped body, `extensions.code: UNAUTHENTICATED`.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TenantConfig } from '../config';
import { UnauthenticatedError } from '../errors';
import { bearerKey, type TenantDirectory } from './api-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate hook on authenticated routes. */
    tenant?: TenantConfig;
  }
}

export function sendUnauthenticated(reply: FastifyReply): FastifyReply {
  const error = new UnauthenticatedError();
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }));
}

export function authenticateHook(tenants: TenantDirectory): onRequestAsyncHookHandler {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const key = bearerKey(request.headers.authorization);
    const tenant = key === null ? null : tenants.findByApiKey(key);
    if (!tenant) return sendUnauthenticated(reply);
    request.tenant = tenant;
    request.log = request.log.child({ tenant: tenant.id });
  };
}
