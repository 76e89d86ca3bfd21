/**
 * Sends one raw HTTP request to the gateway, exactly as written (any method, headers and body, even
 * broken ones), and reads the answer as the GraphQL error shape when it is JSON.
 */
import { request } from 'undici';

export interface RawRequest {
  method?: 'GET' | 'POST' | 'PUT';
  /** Appended to the gateway URL; default `/graphql`. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as `Authorization: Bearer <apiKey>`; default `demo`, null for none. */
  apiKey?: string | null;
}

export interface RawError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface RawResponse {
  status: number;
  body: { data?: unknown; errors?: RawError[] } | null;
  text: string;
}

export async function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const apiKey = raw.apiKey === undefined ? 'demo' : raw.apiKey;
  const response = await request(`${baseUrl}${raw.path ?? '/graphql'}`, {
    method: raw.method ?? 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
      ...raw.headers,
    },
    ...(raw.body === undefined ? {} : { body: raw.body }),
  });
  const text = await response.body.text();
  let body: RawResponse['body'] = null;
  try {
    body = JSON.parse(text) as RawResponse['body'];
  } catch {
    // Not JSON: the row's assertions on `body` then fail with the text in the message.
  }
  return { status: response.statusCode, body, text };
}

/** A JSON GraphQL POST. */
export const json = (
  query: string,
  variables?: Record<string, unknown>,
  extra: Omit<RawRequest, 'body'> = {},
): RawRequest => ({
  ...extra,
  headers: { 'content-type': 'application/json', ...extra.headers },
  body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
});

/**
 * A GraphQL multipart body assembled by hand, so that tests can break it (missing parts, wrong
 * order, truncated): each part is `[name, value]` or `[name, bytes, fileName, contentType]`.
 */
export function multipartBody(
  parts: ([string, string] | [string, Buffer, string, string])[],
  options: { boundary?: string; truncateAt?: number } = {},
): { headers: Record<string, string>; body: Buffer } {
  const boundary = options.boundary ?? 'grandlivreboundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const [name, value, fileName, contentType] = part;
    const disposition = fileName
      ? `form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${contentType}`
      : `form-data; name="${name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'latin1'));
    chunks.push(typeof value === 'string' ? Buffer.from(value) : value, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'apollo-require-preflight': 'true',
    },
    body: options.truncateAt === undefined ? body : body.subarray(0, options.truncateAt),
  };
}
