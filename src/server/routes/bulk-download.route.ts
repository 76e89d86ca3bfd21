/**
 * `GET /bulk-exports/<token>`: streams a finished bulk export file from the shared BlobStore (any
 * instance serves any export). The
 * caller must present an API key of the tenant the signed token names, and the export must be that
 * tenant's record in the shared store; any mismatch, forgery or expiry is a 404, so a leaked link
 * reveals nothing. A file gone past its lifetime is a 404 saying it expired.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TenantDirectory } from '../../auth/api-key';
import { authenticateHook } from '../../auth/authenticate';
import { verifyBulkDownload } from '../../bulk/bulk-download-token';
import type { BulkExportService } from '../../bulk/bulk-export-service';
import { ErrorCode } from '../../errors';

export interface BulkDownloadOptions {
  tenants: TenantDirectory;
  bulkExports: BulkExportService;
  signingSecret: string;
}

const notFound = (reply: FastifyReply, message = 'Bulk export file not found.') =>
  reply
    .code(404)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: ErrorCode.NOT_FOUND } }] });

export function bulkDownloadRoute(app: FastifyInstance, options: BulkDownloadOptions): void {
  app.get<{ Params: { token: string } }>(
    '/bulk-exports/:token',
    { onRequest: authenticateHook(options.tenants) },
    async (request, reply) => {
      const tenant = request.tenant;
      const download = verifyBulkDownload(options.signingSecret, request.params.token);
      if (!tenant || !download || download.tenantId !== tenant.id) return notFound(reply);
      const record = await options.bulkExports.find(tenant.id, download.exportId);
      if (record?.status === 'EXPIRED') return notFound(reply, 'The file of this bulk export has expired.');
      if (!record || record.status !== 'COMPLETED') return notFound(reply);
      const file = await options.bulkExports.openFile(record);
      if (!file) return notFound(reply, 'The file of this bulk export has expired.');
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
