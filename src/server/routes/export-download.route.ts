/**
 * `GET /exports/<token>`: streams an export file's bytes from the provider. The caller must present
 * an API key of the tenant the signed token names; any mismatch, forgery, expiry or company outside
 * the allowlist is a 404, so a leaked link reveals nothing (see export-download-token.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authenticateHook } from '../../auth/authenticate';
import type { TenantDirectory } from '../../auth/api-key';
import { isCompanyAllowed } from '../../auth/company-access';
import { verifyExportDownload } from '../../domain/export-download-token';
import { ErrorCode, isGrandLivreError } from '../../errors';
import type { ConnectorRegistry } from '../../providers/registry';

export interface ExportDownloadOptions {
  tenants: TenantDirectory;
  registry: ConnectorRegistry;
  signingSecret: string;
}

const sendError = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });

/** A file name safe inside a quoted Content-Disposition parameter. */
const safeFileName = (name: string) => name.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'export';

export function exportDownloadRoute(app: FastifyInstance, options: ExportDownloadOptions): void {
  app.get<{ Params: { token: string } }>(
    '/exports/:token',
    { onRequest: authenticateHook(options.tenants) },
    async (request, reply) => {
      const tenant = request.tenant;
      const download = verifyExportDownload(options.signingSecret, request.params.token);
      const connector = download && options.registry.get(download.tenantId)?.get(download.provider);
      if (
        !tenant ||
        !download ||
        !connector ||
        download.tenantId !== tenant.id ||
        !isCompanyAllowed(tenant, download.provider, download.companyId)
      ) {
        return sendError(reply, 404, ErrorCode.NOT_FOUND, 'Export file not found.');
      }
      const session = connector.openSession({ requestId: String(request.id) });
      if (!session.downloadExportFile)
        return sendError(reply, 404, ErrorCode.NOT_FOUND, 'Export file not found.');
      try {
        const file = await session.downloadExportFile(download.companyId, download.downloadRef);
        reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${safeFileName(file.fileName)}"`);
        if (file.contentLength !== null) reply.header('content-length', file.contentLength);
        return reply.send(file.body);
      } catch (error) {
        if (isGrandLivreError(error)) {
          const status = error.code === ErrorCode.NOT_FOUND ? 404 : 502;
          return sendError(reply, status, error.code, error.message);
        }
        request.log.error({ err: error }, 'export download failed');
        return sendError(reply, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.');
      }
    },
  );
}
