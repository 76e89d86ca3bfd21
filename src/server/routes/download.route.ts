/**
 * `GET /exports/<token>`, `/documents/<token>`, `/bulk-exports/<token>`: the download links, all by
 * one rule (src/auth/download-link.ts). The signed token is the credential, so a plain GET works;
 * an `Authorization` header, when sent, must name the link's tenant. A forged, expired or foreign
 * link, or a company outside the tenant's allowlist, is a 404 that reveals nothing. The bytes are
 * streamed from the provider (export files, documents) or the bulk export store, never buffered.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isCompanyAllowed } from '../../auth/company-access';
import {
  DOWNLOAD_PATHS,
  verifyDownloadLink,
  type DownloadKind,
  type DownloadTarget,
} from '../../auth/download-link';
import { authenticateRequest, sendUnauthenticated, type Authenticator } from '../../auth/authenticate';
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

/** Opens the bytes a link names; NoFile when there are none to give. */
async function openTarget(
  options: DownloadRouteOptions,
  tenant: TenantConfig,
  target: DownloadTarget,
  request: FastifyRequest,
  signal: AbortSignal,
): Promise<DownloadStream> {
  if (target.kind === 'BULK') {
    const record = await options.bulkExports.find(tenant.id, target.exportId);
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
    };
  }
  const connector = options.registry.get(tenant.id)?.get(target.provider);
  if (!connector || !isCompanyAllowed(tenant, target.provider, target.companyId)) throw new NoFile(NO_FILE);
  const session = connector.openSession({ requestId: String(request.id), signal });
  const open =
    target.kind === 'EXPORT'
      ? session.downloadExportFile?.bind(session)
      : session.downloadDocument?.bind(session);
  if (!open) throw new NoFile(NO_FILE);
  return open(target.companyId, target.ref);
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
        .header('cache-control', 'private, no-store');
      if (file.contentLength !== null) reply.header('content-length', file.contentLength);
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
