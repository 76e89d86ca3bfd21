/**
 * CORS through @fastify/cors: preflights answered 204 (methods GET and POST, the headers a GraphQL
 * client sends) for an origin some tenant lists, and no `Access-Control-*` header for any other
 * origin. Per-tenant enforcement happens after authentication (browser-origins.ts explains why).
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { BrowserOrigins } from './browser-origins';

/** Browsers may cache a preflight answer for 10 minutes. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export async function useCors(app: FastifyInstance, origins: BrowserOrigins): Promise<void> {
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.anyTenantAllows(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'accept',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'content-disposition', 'www-authenticate'],
    // No cookies are ever used: credentials travel in the Authorization header or the link itself.
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
