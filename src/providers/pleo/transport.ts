/**
 * The authenticated HTTP layer under PleoClient: the shared UpstreamClient, Pleo's auth header,
 * zod parsing of every answer, and Pleo's error codes mapped to typed errors (errors.ts).
 */
import type { z } from 'zod';
import type { GatewayConfig } from '../../config';
import { ErrorCode, UpstreamError } from '../../errors';
import { UpstreamClient, retryAfterSeconds, type UpstreamRequest } from '../http';
import type { ConnectorDeps } from '../types';
import { pleoFailure } from './errors';
import { pleoErrorBody } from './schemas';

export type PleoAccount = NonNullable<GatewayConfig['tenants'][number]['providers']['pleo']>;

const JSON_TYPE = 'application/json;charset=UTF-8';

export class PleoTransport {
  private readonly http: UpstreamClient;
  private readonly authorization: string;

  constructor(account: PleoAccount, deps: ConnectorDeps) {
    this.http = new UpstreamClient({
      ...deps.http,
      provider: 'PLEO',
      baseUrl: account.baseUrl,
      credential: account.auth.type === 'bearer' ? account.auth.token : account.auth.apiKey,
      onAttempt: deps.onAttempt,
    });
    // Basic: the API key is the user name and the password stays empty, as Pleo documents.
    this.authorization =
      account.auth.type === 'bearer'
        ? `Bearer ${account.auth.token}`
        : `Basic ${Buffer.from(`${account.auth.apiKey}:`).toString('base64')}`;
  }

  /** Sends `request` and parses a 2xx answer with `schema`; a 404 gives null when `notFoundAsNull`. */
  async call<S extends z.ZodType>(
    request: UpstreamRequest,
    schema: S,
    notFoundAsNull: true,
  ): Promise<z.infer<S> | null>;
  async call<S extends z.ZodType>(request: UpstreamRequest, schema: S): Promise<z.infer<S>>;
  async call<S extends z.ZodType>(
    request: UpstreamRequest,
    schema: S,
    notFoundAsNull = false,
  ): Promise<z.infer<S> | null> {
    const response = await this.sendChecked(request, notFoundAsNull);
    if (!response) return null;
    const parsed = schema.safeParse(await this.http.readJson(response, request.route));
    if (!parsed.success) {
      const message = `unexpected response shape from ${request.route}`;
      throw new UpstreamError('PLEO', ErrorCode.UPSTREAM_INVALID_RESPONSE, message, response.status);
    }
    return parsed.data;
  }

  /** Sends `request` and drops its 2xx answer (a 202 without a body). */
  async accepted(request: UpstreamRequest): Promise<void> {
    await (await this.sendChecked(request, false))?.body.dump();
  }

  /** The 2xx response, null for a 404 when `notFoundAsNull`; a failure status throws its typed error. */
  private async sendChecked(request: UpstreamRequest, notFoundAsNull: boolean) {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (request.body) headers['content-type'] = JSON_TYPE;
    const response = await this.http.send({ ...request, headers });
    if (response.status === 404 && notFoundAsNull) {
      await response.body.dump();
      return null;
    }
    if (response.status < 200 || response.status >= 300) {
      const body = await this.http.readJson(response, request.route).catch(() => null);
      const error = pleoErrorBody.safeParse(body);
      const type = error.success ? error.data.type : null;
      throw pleoFailure(this.http, response.status, type, request.route, retryAfterSeconds(response.headers));
    }
    return response;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
