/**
 * Streams a document's bytes from the temporary public URL Inqom hands out (an Azure Blob SAS link).
 * The gateway fetches it server side so callers only ever see gateway links; no Inqom credential is
 * sent to it (the URL is its own credential), and the body is streamed through, never buffered.
 */
import { request } from 'undici';
import { ErrorCode, NotFoundError, UpstreamError } from '../../errors';
import { downloadStreamOf } from '../download-stream';
import type { DownloadStream } from '../types';

/** Headers must arrive within 15 s; the body may then stall at most 30 s between chunks. */
const TIMEOUTS = { headersTimeout: 15_000, bodyTimeout: 30_000 };

export async function fetchPublicFile(url: string, signal?: AbortSignal): Promise<DownloadStream> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, { method: 'GET', ...TIMEOUTS, ...(signal ? { signal } : {}) });
  } catch {
    throw new UpstreamError('INQOM', ErrorCode.UPSTREAM_ERROR, 'GET of the document public URL failed');
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
      `HTTP ${response.statusCode} on GET of the document public URL`,
      response.statusCode,
    );
  }
  return downloadStreamOf(response.headers, response.body, 'document');
}
