/**
 * HTTP and auth for Jepilote API v2: `/login_check` with the account's e-mail and password gives a
 * bearer token, cached on the shared store for every request and instance; a 401 logs in again once.
 */
import type { z } from 'zod';
import type { GatewayConfig } from '../../config';
import { ErrorCode, UpstreamError } from '../../errors';
import { UpstreamClient, encodePath, type UpstreamRequest, type UpstreamResponse } from '../http';
import { SharedTokenCache } from '../token-cache';
import type { ConnectorDeps } from '../types';
import {
  companiesResponse,
  exportResponse,
  loginResponse,
  type JepiloteCompany,
  type JepiloteExportResponse,
} from './schemas';

/** A bound on Hydra pages followed, should a provider keep linking more. */
const MAX_COMPANY_PAGES = 100;

export type JepiloteAccount = NonNullable<GatewayConfig['tenants'][number]['providers']['jepilote']>;

/** Jepilote does not document its token lifetime; LexikJWT's default is one hour. */
const ASSUMED_TOKEN_SECONDS = 3600;

export interface ExportParams {
  companyId: number;
  format: 'FEC' | 'ACD';
  emailAddress?: string;
  alreadyExported: 0 | 1;
  flagAsExported: 0 | 1;
  dateDebut?: string;
  dateFin?: string;
}

export class JepiloteClient {
  private readonly http: UpstreamClient;
  private readonly tokens: SharedTokenCache;

  constructor(
    private readonly account: JepiloteAccount,
    deps: ConnectorDeps,
  ) {
    this.http = new UpstreamClient({
      provider: 'JEPILOTE',
      baseUrl: account.baseUrl,
      ...deps.http,
      credential: account.username,
      onAttempt: deps.onAttempt,
    });
    this.tokens = new SharedTokenCache({
      store: deps.store,
      provider: 'jepilote',
      tenantId: deps.tenantId,
      account: { authUrl: account.baseUrl, clientId: 'jepilote', username: account.username },
      fetchToken: () => this.login(),
    });
  }

  /** Every company, following Hydra's `hydra:next` (30 a page by API Platform's default). */
  async listCompanies(signal?: AbortSignal): Promise<JepiloteCompany[]> {
    const companies: JepiloteCompany[] = [];
    let page: string | null = '1';
    for (let read = 0; page !== null && read < MAX_COMPANY_PAGES; read++) {
      const response = await this.authed({
        method: 'GET',
        path: '/companies',
        route: 'GET /companies',
        // The first page is the bare collection URL; later ones name their page.
        ...(read > 0 ? { query: { page } } : {}),
        signal,
      });
      const body = await this.parse(response, 'GET /companies', companiesResponse);
      companies.push(...body['hydra:member']);
      const next = body['hydra:view']?.['hydra:next'];
      page = next ? (new URL(next, 'http://base').searchParams.get('page') ?? null) : null;
    }
    return companies;
  }

  /** Not idempotent (it may flag documents): never retried by the HTTP layer. `beforeDispatch`: see UpstreamRequest. */
  async exportDocuments(
    params: ExportParams,
    signal?: AbortSignal,
    beforeDispatch?: () => Promise<void>,
  ): Promise<{ status: number; body: JepiloteExportResponse }> {
    const route = 'POST /export_documents';
    const response = await this.authed({
      method: 'POST',
      path: '/export_documents',
      route,
      idempotent: false,
      signal,
      ...(beforeDispatch ? { beforeDispatch } : {}),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    if (response.status === 400 || response.status === 403) {
      const data = await this.http.readJson(response, route);
      const parsed = exportResponse.safeParse(data);
      if (parsed.success) return { status: response.status, body: parsed.data };
      throw new UpstreamError(
        'JEPILOTE',
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        `unexpected response shape from ${route}`,
        response.status,
      );
    }
    return { status: response.status, body: await this.parse(response, route, exportResponse) };
  }

  /** Streams an export file; the caller consumes the body. */
  async download(hash: string, signal?: AbortSignal): Promise<UpstreamResponse> {
    return this.authed({
      method: 'GET',
      path: encodePath`/get_export/${hash}`,
      route: 'GET /get_export/{hash}',
      signal,
    });
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async login() {
    const route = 'POST /login_check';
    const body = new URLSearchParams({
      _username: this.account.username,
      _password: this.account.password,
    }).toString();
    const response = await this.http.send({
      method: 'POST',
      path: '/login_check',
      route,
      idempotent: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (response.status === 401) {
      await response.body.dump();
      throw new UpstreamError(
        'JEPILOTE',
        ErrorCode.UPSTREAM_ERROR,
        'credentials refused on POST /login_check',
        401,
      );
    }
    const { token } = await this.parse(response, route, loginResponse);
    return { accessToken: token, expiresInSeconds: ASSUMED_TOKEN_SECONDS };
  }

  /** Sends with the cached token; after a 401 (token revoked or expired) logs in once and retries. */
  private async authed(request: UpstreamRequest): Promise<UpstreamResponse> {
    const token = await this.tokens.get();
    const first = await this.http.send(withToken(request, token));
    if (first.status !== 401) return first;
    await first.body.dump();
    return this.http.send(withToken(request, await this.tokens.refresh(token)));
  }

  private async parse<S extends z.ZodType>(
    response: UpstreamResponse,
    route: string,
    schema: S,
  ): Promise<z.infer<S>> {
    await this.http.assertOk(response, { route });
    const parsed = schema.safeParse(await this.http.readJson(response, route));
    if (!parsed.success)
      throw new UpstreamError(
        'JEPILOTE',
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        `unexpected response shape from ${route}`,
        response.status,
      );
    return parsed.data;
  }
}

const withToken = (request: UpstreamRequest, token: string): UpstreamRequest => ({
  ...request,
  headers: { ...request.headers, authorization: `bearer ${token}` },
});
