/**
 * MyUnisoft failures → typed errors. Every failure body is `{ error: { code, message, details } }`;
 * the code reaches the client as `extensions.upstreamCode`. Threat: the message and details may echo
 * a token, a secret or a society's data, so only the code is kept, and only when it has one of
 * MyUnisoft's code shapes (`ERR-FOLDER-NOT-FOUND`, business codes such as `ECR12`).
 */
import { z } from 'zod';
import { RouteNotGrantedError, type UpstreamError } from '../../errors';
import { retryAfterSeconds, type UpstreamClient, type UpstreamResponse } from '../http';

const CODE_SHAPE = /^(?:ERR(?:-[A-Z0-9]+){1,8}|[A-Z]{2,6}\d{1,4})$/;
const MAX_CODE_LENGTH = 64;
/** An error body is small; a bigger one is not read whole. */
const MAX_ERROR_BODY_BYTES = 16_384;

const errorBodySchema = z.object({ error: z.object({ code: z.string() }) });

/** The provider's code when the body carries one of MyUnisoft's shape, else undefined. */
export function myUnisoftErrorCode(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { code } = parsed.data.error;
  return code.length <= MAX_CODE_LENGTH && CODE_SHAPE.test(code) ? code : undefined;
}

async function readBounded(response: UpstreamResponse): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_ERROR_BODY_BYTES) break;
  }
  if (!response.body.destroyed) response.body.destroy();
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Throws the typed error of a non-2xx answer, with MyUnisoft's code when its body names one; a route
 * the token may not call is the same RouteNotGrantedError the client throws before calling it.
 */
export async function assertMyUnisoftOk(
  http: UpstreamClient,
  response: UpstreamResponse,
  route: string,
): Promise<void> {
  if (response.status >= 200 && response.status < 300) return;
  const body = await readBounded(response).catch(() => '');
  const error: UpstreamError = http.statusError(response.status, route, retryAfterSeconds(response.headers));
  const code = myUnisoftErrorCode(body);
  if (code === 'ERR-FORBIDDEN-ROUTE') throw new RouteNotGrantedError('MYUNISOFT', route);
  throw code === undefined ? error : error.withUpstreamCode(code);
}
