/**
 * Fastify onRequest hook that authenticates `/graphql` before the body is even parsed (uploads
 * included) and before any resolver runs. The credential is `Authorization: Bearer <api key or access
 * token>`, never a query-string parameter (URLs end up in logs, history and Referer headers).
 * No credential, an unknown key, or a forged or expired token → HTTP 401 with a GraphQL-shaped body,
 * `extensions.code: UNAUTHENTICATED`.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TenantConfig } from '../config';
import { UnauthenticatedError } from '../errors';
import type { Caller } from './access-scope';
import { narrowTenant, verifyAccessToken } from './access-token';
import { bearerKey, sha256Hex, type TenantDirectory } from './api-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate hook on authenticated routes (narrowed to an access token's companies). */
    tenant?: TenantConfig;
    /** Set with `tenant`: the API key, or an access token and its scopes. */
    caller?: Caller;
  }
}

export interface Authenticated {
  tenant: TenantConfig;
  caller: Caller;
}

export interface Authenticator {
  readonly tenants: TenantDirectory;
  /** Who a bearer credential names, or null when it is refused. */
  authenticate(credential: string): Authenticated | null;
}

export interface AuthenticatorOptions {
  tenants: TenantDirectory;
  signingSecret: string;
  /** Clock for token expiry, epoch ms (default Date.now). */
  now?: () => number;
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const now = options.now ?? Date.now;
  return {
    tenants: options.tenants,
    authenticate(credential) {
      const tenant = options.tenants.findByApiKey(credential);
      if (tenant) return { tenant, caller: { kind: 'API_KEY', apiKeySha256: sha256Hex(credential) } };
      const token = verifyAccessToken(options.signingSecret, options.tenants, credential, now());
      if (!token) return null;
      const { scopes, expiresAt, companies } = token.grant;
      return {
        tenant: narrowTenant(token.tenant, companies),
        caller: { kind: 'ACCESS_TOKEN', scopes, expiresAt },
      };
    },
  };
}

export function sendUnauthenticated(reply: FastifyReply): FastifyReply {
  const error = new UnauthenticatedError();
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }));
}

/** The caller of `Authorization: Bearer …`, or null when absent or refused. */
export function authenticateRequest(auth: Authenticator, request: FastifyRequest): Authenticated | null {
  const credential = bearerKey(request.headers.authorization);
  return credential === null ? null : auth.authenticate(credential);
}

export function authenticateHook(auth: Authenticator): onRequestAsyncHookHandler {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const found = authenticateRequest(auth, request);
    if (!found) return sendUnauthenticated(reply);
    request.tenant = found.tenant;
    request.caller = found.caller;
    request.log = request.log.child({ tenant: found.tenant.id, caller: found.caller.kind });
  };
}
