/** Test helper: calls the MyUnisoft simulator over HTTP with the demo partner headers. */
import { request } from 'undici';
import { demoCredentials } from '../../../src/simulators/credentials';

export const DEMO_TOKEN = demoCredentials.myunisoft.demo.apiToken;
export const OTHER_TOKEN = demoCredentials.myunisoft.other.apiToken;
export const SECRET = demoCredentials.myunisoft.thirdPartySecret;

export interface CallOptions {
  method?: 'GET' | 'POST';
  token?: string | null;
  secret?: string | null;
  society?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export async function call<T = unknown>(
  baseUrl: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const token = options.token === undefined ? DEMO_TOKEN : options.token;
  const secret = options.secret === undefined ? SECRET : options.secret;
  const headers: Record<string, string> = {
    ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
    ...(secret !== null ? { 'x-third-party-secret': secret } : {}),
    ...(options.society ? { 'society-id': options.society } : {}),
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const response = await request(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.body.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // binary or non-JSON bodies stay as text
  }
  return { status: response.statusCode, headers: response.headers, body: body as T, text };
}

export const errorCode = (result: CallResult): string | undefined =>
  (result.body as { error?: { code?: string } }).error?.code;

/** Activates tokens once, as MyUnisoft requires before any other call (`key/info?mode=extended`). */
export async function activate(baseUrl: string, ...tokens: string[]): Promise<void> {
  for (const token of tokens.length ? tokens : [DEMO_TOKEN, OTHER_TOKEN]) {
    const result = await call(baseUrl, '/api/v1/key/info?mode=extended', { token });
    if (result.status !== 200) throw new Error(`activation answered ${result.status}`);
  }
}
