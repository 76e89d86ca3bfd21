/**
 * HTTP access to Inqom: one UpstreamClient for the identity host, one for the API host (they
 * differ in production), with the bearer token from the shared InqomTokenCache. A 403 (Inqom's failed
 * authentication, per the seed) or 401 refreshes the token once and retries the call once; a second
 * refusal is the typed "credentials refused" UpstreamError. Uploads are not retried (their stream is read once).
 */
import type { z } from 'zod';
import type { GatewayConfig } from '../../config';
import { ErrorCode, UpstreamError } from '../../errors';
import { FetchAllowlist } from '../fetch-allowlist';
import { UpstreamClient, type QueryValue } from '../http';
import type { ConnectorDeps } from '../types';
import { multipartBody, type MultipartPart } from './multipart-body';
import { inqomPaths, inqomRoutes } from './paths';
import { oauthErrorSchema, tokenResponseSchema } from './schemas';
import { InqomTokenCache, type FetchedToken } from './token-cache';
import { upstreamErrorCode } from '../upstream-text';

export type InqomAccount = NonNullable<GatewayConfig['tenants'][number]['providers']['inqom']>;

export interface ApiCall {
  path: string;
  route: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export const isUpstreamStatus = (error: unknown, ...statuses: number[]): error is UpstreamError =>
  error instanceof UpstreamError && error.status !== undefined && statuses.includes(error.status);

/** Inqom answers a failed authentication with 403 (the seed); 401 is accepted too. */
const isAuthRefusal = (error: unknown) => isUpstreamStatus(error, 401, 403);
/** RFC 6749 §5.2 error codes: any other `error` value may be echoed request text. */
const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];

export class InqomClient {
  readonly tokens: InqomTokenCache;
  /** Where provider-given thumbnail URLs may be fetched from: the API's origin and the configured ones. */
  readonly thumbnails: FetchAllowlist;
  private readonly auth: UpstreamClient;
  private readonly api: UpstreamClient;

  constructor(
    private readonly account: InqomAccount,
    deps: ConnectorDeps,
  ) {
    const common = {
      ...deps.http,
      provider: 'INQOM' as const,
      ...(deps.onAttempt ? { onAttempt: deps.onAttempt } : {}),
    };
    this.auth = new UpstreamClient({ ...common, baseUrl: account.authUrl });
    this.thumbnails = new FetchAllowlist([account.apiUrl, ...account.thumbnailOrigins]);
    // Inqom allows about 15 requests per second per client and user: keep concurrency modest.
    this.api = new UpstreamClient({
      connections: 8,
      ...common,
      baseUrl: account.apiUrl,
      // The documented quota is per client and user: one budget per pair.
      credential: `${account.clientId}|${account.username}`,
    });
    this.tokens = new InqomTokenCache({
      store: deps.store,
      tenantId: deps.tenantId,
      account: { authUrl: account.authUrl, clientId: account.clientId, username: account.username },
      fetchToken: () => this.fetchToken(),
    });
  }

  /** GET a JSON resource of the API, parsed with `schema`. */
  async get<S extends z.ZodType>(call: ApiCall, schema: S): Promise<z.infer<S>> {
    return this.withToken(async (token) => {
      const { data } = await this.api.json(
        { method: 'GET', ...call, headers: { authorization: `Bearer ${token}` } },
        schema,
      );
      return data;
    });
  }

  /** POST a streamed multipart body (not retried: its file stream can be read only once). */
  async postMultipart<S extends z.ZodType>(
    call: ApiCall,
    parts: MultipartPart[],
    schema: S,
  ): Promise<z.infer<S>> {
    const token = await this.tokens.get();
    const { contentType, body } = multipartBody(parts);
    try {
      const { data } = await this.api.json(
        {
          method: 'POST',
          ...call,
          body,
          idempotent: false,
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        },
        schema,
      );
      return data;
    } catch (error) {
      // The next call gets a fresh token; this one cannot be replayed.
      if (isAuthRefusal(error)) await this.tokens.refresh(token);
      throw error;
    } finally {
      body.destroy();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.auth.close(), this.api.close()]);
  }

  private async withToken<T>(run: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.get();
    try {
      return await run(token);
    } catch (error) {
      if (!isAuthRefusal(error)) throw error;
      return run(await this.tokens.refresh(token));
    }
  }

  /** The password grant of the seed. The form carries secrets: it is never logged nor echoed. */
  private async fetchToken(): Promise<FetchedToken> {
    const form = new URLSearchParams({
      username: this.account.username,
      password: this.account.password,
      grant_type: 'password',
      scope: 'openid apidata',
      client_id: this.account.clientId,
      client_secret: this.account.clientSecret,
    });
    const response = await this.auth.send({
      method: 'POST',
      path: inqomPaths.token,
      route: inqomRoutes.token,
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      idempotent: true,
    });
    if (response.status === 400 || response.status === 401) {
      // Only the OAuth2 error code (e.g. invalid_grant) is kept: never the description or the form.
      const parsed = oauthErrorSchema.safeParse(
        await this.auth.readJson(response, inqomRoutes.token).catch(() => null),
      );
      const known = parsed.success ? upstreamErrorCode(parsed.data.error, OAUTH_ERROR_CODES) : null;
      const code = known ? ` (${known})` : '';
      throw new UpstreamError(
        'INQOM',
        ErrorCode.UPSTREAM_ERROR,
        `token request refused${code}`,
        response.status,
      );
    }
    await this.auth.assertOk(response, { route: inqomRoutes.token });
    const parsed = tokenResponseSchema.safeParse(await this.auth.readJson(response, inqomRoutes.token));
    if (!parsed.success) {
      throw new UpstreamError(
        'INQOM',
        ErrorCode.UPSTREAM_INVALID_RESPONSE,
        'unexpected token response',
        response.status,
      );
    }
    return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  }
}
