/**
 * Which browser pages may use the gateway. Threat model: the gateway takes no cookies, only a bearer
 * credential (API key, access token) or a signed download link, so a hostile page cannot ride on a
 * user's ambient session (no CSRF); what CORS guards is which pages may *read* answers and send
 * credentialed requests at all. A preflight carries no credential, so the tenant is unknown there:
 * preflights and the `Access-Control-*` headers are granted to the union of all tenants'
 * `allowedOrigins`, and nothing at all to any other origin. The tenant's own list is then enforced on
 * the actual request, once its credential names the tenant and before anything runs: a request whose
 * `Origin` that tenant does not list (a token of tenant B used from tenant A's page) is refused with
 * 403, so a union-wide preflight never lets one tenant's pages act for another. Requests without
 * `Origin` (curl, servers, navigations such as `<a href>`) and same-origin ones (GraphiQL) pass.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TenantConfig } from '../../config';
import { ErrorCode } from '../../errors';

export class BrowserOrigins {
  private readonly union: ReadonlySet<string>;

  constructor(
    tenants: readonly TenantConfig[],
    /** The gateway's own public base URL (its pages are same-origin). */
    private readonly publicUrl: () => string,
  ) {
    this.union = new Set(tenants.flatMap((tenant) => tenant.allowedOrigins));
  }

  /** True when some tenant lists `origin`: preflights and CORS response headers. */
  anyTenantAllows(origin: string): boolean {
    return this.union.has(origin);
  }

  /** True when a request from this origin may act for `tenant`. */
  tenantAllows(tenant: TenantConfig, request: FastifyRequest): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    return tenant.allowedOrigins.includes(origin) || this.isSameOrigin(origin, request);
  }

  private isSameOrigin(origin: string, request: FastifyRequest): boolean {
    if (origin === `${request.protocol}://${request.host}`) return true;
    return URL.canParse(this.publicUrl()) && new URL(this.publicUrl()).origin === origin;
  }
}

export function sendForeignOrigin(reply: FastifyReply): FastifyReply {
  return reply
    .code(403)
    .type('application/json; charset=utf-8')
    .send({
      errors: [
        {
          message: 'This origin may not call the gateway for your tenant.',
          extensions: { code: ErrorCode.FORBIDDEN },
        },
      ],
    });
}

/** onRequest hook, after authentication: 403 for a browser origin the caller's tenant does not list. */
export function refuseForeignOrigin(origins: BrowserOrigins): onRequestAsyncHookHandler {
  return async function refuseOrigin(request: FastifyRequest, reply: FastifyReply) {
    if (request.tenant && !origins.tenantAllows(request.tenant, request)) return sendForeignOrigin(reply);
  };
}
