/**
 * MyUnisoft's HTTP edge: every call carries `Authorization: Bearer <API token>` and
 * `X-Third-Party-Secret`, plus `society-id` for company-scoped routes with firm access. The token and
 * secret only ever travel in headers, never in a URL, error or log line (UpstreamClient's contract).
 */
import { z } from 'zod';
import type { GatewayConfig } from '../../config';
import { ErrorCode, RouteNotGrantedError, UpstreamError } from '../../errors';
import { UpstreamClient, type QueryValue, type UpstreamResponse } from '../http';
import type { ConnectorDeps } from '../types';
import { assertMyUnisoftOk } from './errors';
import { GrantedRoutes, ROUTE_LIST_TTL_MS } from './token-routes';

export type MyUnisoftAccount = NonNullable<GatewayConfig['tenants'][number]['providers']['myunisoft']>;

/** The MAD format version the connector speaks. */
export const MAD_VERSION = '1.0.0';

export interface MyUnisoftCall {
  route: string;
  path: string;
  query?: Record<string, QueryValue>;
  /** The society a company-scoped call targets; null for firm-level routes. */
  societyId: string | null;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

export class MyUnisoftClient {
  private readonly http: UpstreamClient;
  /** Clients of the hosts export files are served from, by origin, without credentials. */
  private readonly fileHosts = new Map<string, UpstreamClient>();
  /** The token's activation and route list, shared by every call of this connector (retried if it failed). */
  private activation: Promise<GrantedRoutes> | null = null;
  private activationExpiresAt = 0;

  /** `now`: the clock of the route list's lifetime (default Date.now). */
  constructor(
    private readonly account: MyUnisoftAccount,
    private readonly deps: ConnectorDeps,
    private readonly now: () => number = Date.now,
  ) {
    this.http = new UpstreamClient({
      ...deps.http,
      provider: 'MYUNISOFT',
      baseUrl: account.baseUrl,
      // MyUnisoft's quota is per API token.
      credential: account.apiToken,
      ...(deps.onAttempt ? { onAttempt: deps.onAttempt } : {}),
    });
  }

  get access(): MyUnisoftAccount['access'] {
    return this.account.access;
  }

  private request(call: MyUnisoftCall) {
    return {
      method: call.method ?? 'GET',
      path: call.path,
      route: call.route,
      ...(call.query ? { query: call.query } : {}),
      ...(call.signal ? { signal: call.signal } : {}),
      // Reads only: POST /entries is a search, safe to retry.
      idempotent: true,
      headers: {
        authorization: `Bearer ${this.account.apiToken}`,
        'x-third-party-secret': this.account.thirdPartySecret,
        ...(call.societyId !== null && this.account.access === 'firm'
          ? { 'society-id': call.societyId }
          : {}),
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    } as const;
  }

  /**
   * A MyUnisoft token answers nothing until activated once with `key/info?mode=extended` (providers.md);
   * activating an active token is harmless, so each connector does it before its first call, and
   * keeps the token's route list it answers (re-read after ROUTE_LIST_TTL_MS). Its failure is read
   * like any MyUnisoft answer, so the caller gets the code (ERR-API-TOKEN-NOT-FOUND…).
   */
  private activate(signal?: AbortSignal): Promise<GrantedRoutes> {
    if (this.activation && this.now() >= this.activationExpiresAt) this.activation = null;
    if (this.activation) return this.activation;
    const route = 'GET /api/v1/key/info';
    const call = { route, path: '/api/v1/key/info', query: { mode: 'extended' }, societyId: null };
    this.activationExpiresAt = this.now() + ROUTE_LIST_TTL_MS;
    const activation = this.send({ ...call, ...(signal ? { signal } : {}) })
      .then(async (response) => {
        await this.assertOk(response, route);
        // The token is active once this answered 200, whatever its body: an unreadable list is unknown.
        return GrantedRoutes.fromKeyInfo(await this.http.readJson(response, route).catch(() => undefined));
      })
      .catch((error: unknown) => {
        if (this.activation === activation) this.activation = null;
        throw error;
      });
    this.activation = activation;
    return activation;
  }

  /** Like assertMyUnisoftOk; a route refused despite the list means the list changed: re-read it next call. */
  private async assertOk(response: UpstreamResponse, route: string): Promise<void> {
    try {
      await assertMyUnisoftOk(this.http, response, route);
    } catch (error) {
      if (error instanceof RouteNotGrantedError) this.activation = null;
      throw error;
    }
  }

  async json<S extends z.ZodType>(call: MyUnisoftCall, schema: S): Promise<z.infer<S>> {
    const response = await this.open(call);
    await this.assertOk(response, call.route);
    return this.parse(response, call.route, schema);
  }

  /** Like `json`, but a 404 (MyUnisoft's "no such entry") is null rather than an error. */
  async jsonOrNull<S extends z.ZodType>(call: MyUnisoftCall, schema: S): Promise<z.infer<S> | null> {
    const response = await this.open(call);
    if (response.status === 404) {
      await response.body.dump();
      return null;
    }
    await this.assertOk(response, call.route);
    return this.parse(response, call.route, schema);
  }

  /** Opens a 2xx response whose body the caller streams (movement windows). */
  async stream(call: MyUnisoftCall): Promise<UpstreamResponse> {
    const response = await this.open(call);
    await this.assertOk(response, call.route);
    return response;
  }

  /** Refuses a route the token may not call before sending anything (RouteNotGrantedError). */
  private async open(call: MyUnisoftCall): Promise<UpstreamResponse> {
    const routes = await this.activate(call.signal);
    routes.assertAllowed(call.method ?? 'GET', call.path, call.route);
    return this.send(call);
  }

  private send(call: MyUnisoftCall): Promise<UpstreamResponse> {
    const request = this.request(call);
    return this.http.send({ ...request, headers: { accept: 'application/json', ...request.headers } });
  }

  private async parse<S extends z.ZodType>(
    response: UpstreamResponse,
    route: string,
    schema: S,
  ): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await this.http.readJson(response, route));
    if (!parsed.success) throw invalidResponse(route, 'unexpected response shape');
    return parsed.data;
  }

  /**
   * Opens a file MyUnisoft handed out by URL (a full export's `url`): a bearer link, fetched without
   * the API token or partner secret. Threat: an answer naming another host must not receive them.
   */
  async download(url: string, route: string, signal?: AbortSignal): Promise<UpstreamResponse> {
    const target = URL.canParse(url) ? new URL(url) : null;
    if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:'))
      throw invalidResponse(route, 'not an http(s) URL');
    let host = this.fileHosts.get(target.origin);
    if (!host) {
      host = new UpstreamClient({
        ...this.deps.http,
        provider: 'MYUNISOFT',
        baseUrl: target.origin,
        ...(this.deps.onAttempt ? { onAttempt: this.deps.onAttempt } : {}),
      });
      this.fileHosts.set(target.origin, host);
    }
    const response = await host.send({
      method: 'GET',
      path: target.pathname + target.search,
      route,
      ...(signal ? { signal } : {}),
    });
    await host.assertOk(response, { route });
    return response;
  }

  /** The typed error for a failure while reading a streamed body (reset, body timeout). */
  networkError(error: unknown): UpstreamError {
    return this.http.mapNetworkError(error);
  }

  async close(): Promise<void> {
    await Promise.all([this.http.close(), ...[...this.fileHosts.values()].map((host) => host.close())]);
  }
}

/** A MyUnisoft answer that broke its contract (shape, or amount ≠ credit − debit). */
export const invalidResponse = (route: string, detail: string): UpstreamError =>
  new UpstreamError('MYUNISOFT', ErrorCode.UPSTREAM_INVALID_RESPONSE, `${detail} from ${route}`);
