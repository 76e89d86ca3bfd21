/**
 * Streams a file from a public URL Inqom hands out: a document's temporary public URL (an Azure Blob
 * SAS link) or its thumbnail (`ThumbUrl`, checked against the fetch allowlist first). The gateway
 * fetches it server side so callers only ever see gateway links; no Inqom credential is sent to it
 * (the URL is its own credential), redirects are not followed, and the body is streamed, never buffered.
 */
import { request } from 'undici';
import { ErrorCode, NotFoundError, UpstreamError } from '../../errors';
import { downloadStreamOf } from '../download-stream';
import { isFetchableUrl } from '../fetch-allowlist';
import type { DownloadStream } from '../types';

/** Headers must arrive within 15 s; the body may then stall at most 30 s between chunks. */
const TIMEOUTS = { headersTimeout: 15_000, bodyTimeout: 30_000 };

export async function fetchPublicFile(
  url: string,
  signal?: AbortSignal,
  what: 'document' | 'thumbnail' = 'document',
): Promise<DownloadStream> {
  // Plain http off the machine (cloud metadata, internal services) or credentials in the URL: never fetched.
  if (!isFetchableUrl(url))
    throw new UpstreamError(
      'INQOM',
      ErrorCode.UPSTREAM_INVALID_RESPONSE,
      `the ${what} public URL is not one the gateway fetches (https, no credentials)`,
    );
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, { method: 'GET', ...TIMEOUTS, ...(signal ? { signal } : {}) });
  } catch {
    throw new UpstreamError('INQOM', ErrorCode.UPSTREAM_ERROR, `GET of the ${what} public URL failed`);
  }
  // An expired SAS link answers 403, an unknown one 404: the document is gone as far as we can tell.
  if (response.statusCode === 403 || response.statusCode === 404) {
    await response.body.dump();
    throw new NotFoundError('Document');
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new UpstreamError(
      'INQOM',
      ErrorCode.UPSTREAM_ERROR,
      `HTTP ${response.statusCode} on GET of the ${what} public URL`,
      response.statusCode,
    );
  }
  return downloadStreamOf(response.headers, response.body, what);
}
