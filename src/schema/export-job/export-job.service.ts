/** Export jobs: creation (validated, capability-checked, idempotent) and the gateway download link. */
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import type { ExportJobRecord } from '../../domain/model';
import { UnsupportedByProviderError } from '../../errors';
import { requireMethod } from '../capabilities';
import { NO_LINK, downloadLink, type LinkFields } from '../common/download-link';
import { withIdempotency } from '../common/idempotent-mutation';
import type { CreateExportJobInput } from './export-job.input';
import { validateCreateExportJob } from './export-job.validation';
import { registerNodeFetcher } from '../node/node-fetchers';

export async function createExportJob(
  ctx: RequestContext,
  input: CreateExportJobInput,
): Promise<ExportJobRecord> {
  const company = decodeGlobalIdOf(input.companyId, ['Company'], 'input.companyId');
  const request = validateCreateExportJob(company, {
    ...input,
    companyId: undefined,
    idempotencyKey: undefined,
  });
  const session = ctx.mutationSession(company.provider, company.companyId, 'input.companyId');
  const create = requireMethod(session, 'createExportJob', 'EXPORT_JOBS');
  if (request.format && !session.capabilities.includes(`EXPORT_${request.format}`)) {
    throw new UnsupportedByProviderError(session.provider, `EXPORT_${request.format}`);
  }
  return withIdempotency(ctx, input.idempotencyKey, 'createExportJob', { company, request }, (journal) =>
    create(request, journal),
  );
}

/** The `/exports/<token>` link of a finished job's file, or none when the provider cannot stream it. */
export function exportDownloadLink(ctx: RequestContext, job: ExportJobRecord): Promise<LinkFields> {
  const ref = job.file?.downloadRef;
  if (!ref || !ctx.session(job.provider).downloadExportFile) return Promise.resolve(NO_LINK);
  return downloadLink(ctx, { kind: 'EXPORT', provider: job.provider, companyId: job.companyId, ref });
}

/** The job's errors; read from the provider only now, when the record left them unread. */
export function exportJobErrors(ctx: RequestContext, job: ExportJobRecord): string[] | Promise<string[]> {
  if (!job.errorsUnread) return job.errors;
  const session = ctx.session(job.provider);
  return session.exportJobErrors ? session.exportJobErrors(job.companyId, job.providerId) : job.errors;
}

registerNodeFetcher('ExportJob', (_ctx, session, { companyId, nativeId }) =>
  requireMethod(session, 'getExportJob', 'EXPORT_JOBS')(companyId, nativeId),
);
