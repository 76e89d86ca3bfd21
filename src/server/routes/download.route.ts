/**
 * `GET /exports/<token>`, `/documents/<token>`, `/thumbnails/<token>`, `/bulk-exports/<token>`: the
 * download links, all by one rule (src/auth/download-link.ts). The signed token is the credential,
 * so a plain GET works; an `Authorization` header, when sent, must name the link's tenant. A forged,
 * expired or foreign link, or a company outside the tenant's allowlist, is a 404 that reveals
 * nothing. The bytes are streamed from the provider (export files, documents, thumbnails) or the bulk
 * export store, never buffered.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { isCompanyAllowed } from '../../auth/company-access';
import {
  DOWNLOAD_PATHS,
  verifyDownloadLink,
  type DownloadKind,
  type DownloadTarget,
} from '../../auth/download-link';
import { authenticateRequest, sendUnauthenticated, type Authenticator } from '../../auth/authenticate';
import type { BlobReader } from '../../bulk/blob/blob-store';
import type { BulkExportRunner } from '../../bulk/bulk-export-runner';
import type { TenantConfig } from '../../config';
import { ErrorCode, isGrandLivreError } from '../../errors';
import type { ConnectorRegistry } from '../../providers/registry';
import type { DownloadStream } from '../../providers/types';
import { sendForeignOrigin, type BrowserOrigins } from '../cors/browser-origins';

export interface DownloadRouteOptions {
  auth: Authenticator;
  registry: ConnectorRegistry;
  bulkExports: BulkExportRunner;
  origins: BrowserOrigins;
  signingSecret: string;
  /** Clock of link expiry (default Date.now). */
  now?: () => number;
}

/** Why a link gives no file, as the caller is told. */
class NoFile extends Error {}

/** One answer for a forged, expired or foreign link and a missing file, so none can be told apart. */
const NO_FILE = 'File not found, or the link has expired.';

const sendError = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });

/** A file name safe inside a quoted Content-Disposition parameter. */
const safeFileName = (name: string) => name.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'download';

/** The bytes a link names: a stream, and for a local bulk file a reader into reused buffers. */
interface DownloadSource extends DownloadStream {
  openReader?: () => Promise<BlobReader>;
}

/** Opens the bytes a link names; NoFile when there are none to give. */
async function openTarget(
  options: DownloadRouteOptions,
  tenant: TenantConfig,
  target: DownloadTarget,
  request: FastifyRequest,
  signal: AbortSignal,
): Promise<DownloadSource> {
  if (target.kind === 'BULK') {
    const record = await options.bulkExports.find(tenant.id, target.exportId);
    // The link names the export only: its company is judged against today's allowlist, as the others' are.
    if (record && !isCompanyAllowed(tenant, record.provider, record.companyId)) throw new NoFile(NO_FILE);
    if (record?.status === 'EXPIRED') throw new NoFile('The file of this bulk export has expired.');
    if (!record || record.status !== 'COMPLETED') throw new NoFile(NO_FILE);
    // Any instance serves any export: the file lives in the shared BlobStore.
    const file = await options.bulkExports.openFile(record);
    if (!file) throw new NoFile('The file of this bulk export has expired.');
    return {
      contentType: file.contentType,
      fileName: file.fileName,
      contentLength: file.size,
      body: file.body,
      openReader: file.openReader,
    };
  }
  const connector = options.registry.get(tenant.id)?.get(target.provider);
  if (!connector || !isCompanyAllowed(tenant, target.provider, target.companyId)) throw new NoFile(NO_FILE);
  const session = connector.openSession({ requestId: String(request.id), signal });
  const open = {
    EXPORT: session.downloadExportFile?.bind(session),
    DOCUMENT: session.downloadDocument?.bind(session),
    THUMBNAIL: session.downloadDocumentThumbnail?.bind(session),
  }[target.kind];
  if (!open) throw new NoFile(NO_FILE);
  const file = await open(target.companyId, target.ref);
  return target.kind === 'THUMBNAIL' ? asThumbnail(file) : file;
}

/** Raster image types a thumbnail keeps; SVG is left out, as it can carry script. */
const THUMBNAIL_TYPES = /^image\/(png|jpeg|gif|webp|avif|bmp)$/;

/** A thumbnail's type passes only when it is a raster image: a provider's text/html never runs on our origin. */
function asThumbnail(file: DownloadSource): DownloadSource {
  const mediaType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return THUMBNAIL_TYPES.test(mediaType) ? file : { ...file, contentType: 'application/octet-stream' };
}

const READ_BYTES = 64 * 1024;

/**
 * Writes a local file through two buffers, each read into again only once the socket has taken its
 * last bytes: a read stream's fresh buffer per read piled up 25–30 MB before a GC on a 277 MB export.
 */
async function sendThroughReusedBuffers(
  request: FastifyRequest,
  reply: FastifyReply,
  reader: BlobReader,
  size: number,
): Promise<void> {
  reply.header('x-request-id', request.id); // onSend hooks (echoRequestId) do not run for a hijacked reply
  reply.hijack();
  const response = reply.raw;
  // Both settle without rejecting: a write still pending when the client leaves is never awaited.
  const closed = new Promise<'closed'>((resolve) => response.once('close', () => resolve('closed')));
  let written = Promise.resolve<Error | null>(null);
  const previousWrite = async () => {
    const outcome = await Promise.race([written, closed]);
    if (outcome instanceof Error) throw outcome;
    return outcome !== 'closed' && !response.destroyed;
  };
  const buffers = [Buffer.allocUnsafeSlow(READ_BYTES), Buffer.allocUnsafeSlow(READ_BYTES)];
  try {
    response.writeHead(200, reply.getHeaders() as OutgoingHttpHeaders);
    for (let position = 0, turn = 0; position < size; turn ^= 1) {
      const buffer = buffers[turn]!;
      const bytes = await reader.read(buffer, position);
      if (bytes === 0) throw new Error('the stored file is shorter than its size');
      position += bytes;
      if (!(await previousWrite())) return;
      written = new Promise((resolve) =>
        response.write(buffer.subarray(0, bytes), (error) => resolve(error ?? null)),
      );
    }
    if (await previousWrite()) response.end();
  } catch (error) {
    request.log.warn({ err: error }, 'download interrupted');
    response.destroy();
  } finally {
    await reader.close();
  }
}

function downloadHandler(options: DownloadRouteOptions, kind: DownloadKind) {
  const now = options.now ?? Date.now;
  return async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
    const link = verifyDownloadLink(
      options.signingSecret,
      options.auth.tenants,
      kind,
      request.params.token,
      now(),
    );
    if (request.headers.authorization !== undefined) {
      const caller = authenticateRequest(options.auth, request);
      if (!caller) return sendUnauthenticated(reply);
      if (link && caller.tenant.id !== link.tenant.id)
        return sendError(reply, 404, ErrorCode.NOT_FOUND, NO_FILE);
    }
    if (!link) return sendError(reply, 404, ErrorCode.NOT_FOUND, NO_FILE);
    if (!options.origins.tenantAllows(link.tenant, request)) return sendForeignOrigin(reply);
    request.log = request.log.child({ tenant: link.tenant.id });
    const aborter = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) aborter.abort();
    });
    try {
      const file = await openTarget(options, link.tenant, link.target, request, aborter.signal);
      reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${safeFileName(file.fileName)}"`)
        .header('cache-control', 'private, no-store')
        // The type given is the one meant: a browser must not sniff provider bytes into HTML.
        .header('x-content-type-options', 'nosniff');
      if (file.contentLength !== null) reply.header('content-length', file.contentLength);
      if (file.openReader && file.contentLength !== null) {
        file.body.destroy();
        return await sendThroughReusedBuffers(request, reply, await file.openReader(), file.contentLength);
      }
      return reply.send(file.body);
    } catch (error) {
      if (error instanceof NoFile) return sendError(reply, 404, ErrorCode.NOT_FOUND, error.message);
      if (isGrandLivreError(error)) {
        const status = error.code === ErrorCode.NOT_FOUND ? 404 : 502;
        return sendError(reply, status, error.code, error.message);
      }
      request.log.error({ err: error }, 'download failed');
      return sendError(reply, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.');
    }
  };
}

export function downloadRoutes(app: FastifyInstance, options: DownloadRouteOptions): void {
  for (const kind of Object.keys(DOWNLOAD_PATHS) as DownloadKind[])
    app.get<{ Params: { token: string } }>(`${DOWNLOAD_PATHS[kind]}/:token`, downloadHandler(options, kind));
}
