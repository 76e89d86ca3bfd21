/**
 * The partner SDK: `createGrandLivreClient({ url, apiKey })` sends the typed documents of
 * `src/sdk/generated` (or any `TypedDocumentNode`) to a Grand Livre gateway over undici, returns typed
 * `data`, retries network failures when that cannot act twice (see retry-policy.ts), throws the typed
 * errors of errors.ts, and streams download links (every `downloadUrl`), which carry their own token.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { request as undiciRequest, type Dispatcher } from 'undici';
import {
  firstError,
  GrandLivreError,
  GrandLivreHttpError,
  GrandLivreNetworkError,
  toGrandLivreError,
  type GraphQLErrorPayload,
} from './errors';
import { paginate, type AtPath, type NodeOf } from './paginate';
import {
  backoffDelayMs,
  isNetworkError,
  isSafeToRetry,
  operationOf,
  RETRYABLE_HTTP_STATUSES,
} from './retry-policy';

export interface GrandLivreClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://grand-livre.example.com/graphql`. */
  url: string;
  /** The API key (or an access token from `createAccessToken`), sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Retries after a network failure, for queries and mutations with an `idempotencyKey` (default 2). */
  retries?: number;
  /** First backoff in ms, doubled per retry with full jitter (default 250). */
  retryBaseMs?: number;
  /** Longest single backoff in ms (default 5,000). */
  retryMaxDelayMs?: number;
  /** Per attempt: time to receive the headers, and longest silence within the body, in ms (default 30,000). */
  timeoutMs?: number;
  /** An undici dispatcher (an `Agent` with your pool settings, a `ProxyAgent`...); default undici's global one. */
  dispatcher?: Dispatcher;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (event: { attempt: number; delayMs: number; error: unknown }) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as `x-request-id`, so the gateway's logs carry your trace id. */
  requestId?: string;
  /** Which operation to run when the document holds several. */
  operationName?: string;
}

/** Variables may be left out when the operation has no required one. */
type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

export interface ExecutionResult<TData> {
  /** The data; fields whose resolution failed are null (see `errors[i].path`). */
  data: TData;
  errors: GrandLivreError[];
  requestId: string | undefined;
}

export interface GrandLivreDownload {
  fileName: string | null;
  contentType: string | null;
  contentLength: number | null;
  /** The bytes, streamed: read or pipe it, or call `body.destroy()` to drop them. */
  body: Readable;
  requestId: string | undefined;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorPayload[];
}

const isGraphQLBody = (body: unknown): body is GraphQLBody =>
  typeof body === 'object' &&
  body !== null &&
  ('data' in body || Array.isArray((body as GraphQLBody).errors));

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const headerOf = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const FILE_NAME = /filename="?([^";]+)"?/;

export class GrandLivreClient {
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(private readonly options: GrandLivreClientOptions) {
    if (!options.apiKey) throw new TypeError('apiKey is required.');
  }

  /** Runs the operation and returns its data; throws the first error, typed, if the response has any. */
  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables, options]: VariablesArgs<TVariables>
  ): Promise<TData> {
    const { status, body, requestId } = await this.post(document, variables, options);
    if (body.errors?.length)
      throw firstError(body.errors, { data: body.data, httpStatus: status, requestId });
    return body.data as TData;
  }

  /**
   * The nodes of the connection at `path` (e.g. `['company', 'entries']`), page after page: each
   * page's `pageInfo.endCursor` is sent as `$after` until `hasNextPage` is false. Pages are fetched
   * as the loop asks for them (`for await … break` stops early); an error throws as `request` does.
   */
  paginate<TData, TVariables extends Record<string, unknown>, const P extends readonly string[]>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: Omit<TVariables, 'after'>,
    path: P,
    options?: RequestOptions,
  ): AsyncGenerator<NodeOf<AtPath<TData, P>>, void, undefined> {
    const run = (page: TVariables) =>
      this.request(document, ...([page, options] as VariablesArgs<TVariables>));
    return paginate(run, document, variables, path);
  }

  /**
   * Runs the operation and returns the data with the errors of the fields that failed (one provider
   * down, say); throws only when the response has no data at all.
   */
  async execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables, options]: VariablesArgs<TVariables>
  ): Promise<ExecutionResult<TData>> {
    const { status, body, requestId } = await this.post(document, variables, options);
    const context = { data: body.data, httpStatus: status, requestId };
    if (body.data === null || body.data === undefined) throw firstError(body.errors ?? [], context);
    return {
      data: body.data as TData,
      errors: (body.errors ?? []).map((error) => toGrandLivreError(error, context)),
      requestId,
    };
  }

  /**
   * Streams a download link (any `downloadUrl`: export file, document, bulk export) with a plain GET.
   * The link carries its own signed token, so the API key is never sent with it, wherever it points.
   */
  async download(
    url: string,
    options: Omit<RequestOptions, 'operationName'> = {},
  ): Promise<GrandLivreDownload> {
    return this.withRetries(true, options.signal, async () => {
      const response = await undiciRequest(url, {
        method: 'GET',
        headers: this.headers(options.requestId, false),
        ...this.transport(options.signal),
      });
      const requestId = headerOf(response.headers, 'x-request-id');
      if (response.statusCode === 200) {
        const length = Number(headerOf(response.headers, 'content-length'));
        return {
          fileName: FILE_NAME.exec(headerOf(response.headers, 'content-disposition') ?? '')?.[1] ?? null,
          contentType: headerOf(response.headers, 'content-type') ?? null,
          contentLength: Number.isFinite(length) && length >= 0 ? length : null,
          body: response.body,
          requestId,
        };
      }
      throw this.errorOfAnswer(response.statusCode, await response.body.text(), requestId);
    });
  }

  /** Downloads a link to `path`; a partial file is removed when the transfer fails. */
  async downloadToFile(
    url: string,
    path: string,
    options: Omit<RequestOptions, 'operationName'> = {},
  ): Promise<{ fileName: string | null; bytes: number }> {
    const file = await this.download(url, options);
    let bytes = 0;
    file.body.on('data', (chunk: Buffer) => (bytes += chunk.length));
    try {
      await pipeline(file.body, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw isNetworkError(error) ? new GrandLivreNetworkError('Download interrupted.', 1, error) : error;
    }
    return { fileName: file.fileName, bytes };
  }

  private async post(
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    options: RequestOptions = {},
  ): Promise<{ status: number; body: GraphQLBody; requestId: string | undefined }> {
    const operation = operationOf(document, options.operationName);
    const payload = JSON.stringify({
      query: this.print(document),
      ...(variables ? { variables } : {}),
      ...(operation.name ? { operationName: operation.name.value } : {}),
    });
    return this.withRetries(isSafeToRetry(operation, variables), options.signal, async () => {
      const response = await undiciRequest(this.options.url, {
        method: 'POST',
        headers: {
          ...this.headers(options.requestId),
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        body: payload,
        ...this.transport(options.signal),
      });
      const requestId = headerOf(response.headers, 'x-request-id');
      const text = await response.body.text();
      const body = parseJson(text);
      if (!isGraphQLBody(body)) throw this.errorOfAnswer(response.statusCode, text, requestId);
      return { status: response.statusCode, body, requestId };
    });
  }

  /** The typed error of a non-successful answer: the gateway's GraphQL errors, or the bare HTTP status. */
  private errorOfAnswer(status: number, text: string, requestId: string | undefined): GrandLivreError {
    const body = parseJson(text);
    if (isGraphQLBody(body) && body.errors?.length)
      return firstError(body.errors, { httpStatus: status, requestId });
    return new GrandLivreHttpError(`The gateway answered HTTP ${status}.`, 'HTTP_ERROR', {
      httpStatus: status,
      requestId,
    });
  }

  private async withRetries<T>(
    safeToRetry: boolean,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    const retries = safeToRetry ? (this.options.retries ?? 2) : 0;
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt();
      } catch (error) {
        const network = isNetworkError(error);
        const retryable =
          network ||
          (error instanceof GrandLivreHttpError && RETRYABLE_HTTP_STATUSES.has(error.httpStatus ?? 0));
        if (!retryable || signal?.aborted) throw error;
        if (attemptNumber > retries)
          throw network ? new GrandLivreNetworkError(networkMessage(error), attemptNumber, error) : error;
        const delayMs = backoffDelayMs(
          attemptNumber,
          this.options.retryBaseMs ?? 250,
          this.options.retryMaxDelayMs ?? 5_000,
        );
        this.options.onRetry?.({ attempt: attemptNumber, delayMs, error });
        await sleep(delayMs, undefined, signal ? { signal } : {});
      }
    }
  }

  private headers(requestId: string | undefined, withKey = true): Record<string, string> {
    return {
      ...(withKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      'user-agent': 'grand-livre-sdk',
      ...(requestId ? { 'x-request-id': requestId } : {}),
    };
  }

  private transport(signal: AbortSignal | undefined) {
    const timeout = this.options.timeoutMs ?? 30_000;
    return {
      headersTimeout: timeout,
      bodyTimeout: timeout,
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  private print(document: DocumentNode): string {
    let text = this.printed.get(document);
    if (text === undefined) {
      text = print(document);
      this.printed.set(document, text);
    }
    return text;
  }
}

const networkMessage = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return `Cannot reach the Grand Livre gateway${typeof code === 'string' ? ` (${code})` : ''}.`;
};

/** A client for one gateway and API key; reuse it (it holds no connection of its own). */
export const createGrandLivreClient = (options: GrandLivreClientOptions) => new GrandLivreClient(options);
