/** Export jobs: creation (validated, capability-checked, idempotent) and the gateway download link. */
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import { EXPORT_LINK_TTL_MS, signExportDownload } from '../../domain/export-download-token';
import type { ExportJobRecord } from '../../domain/model';
import { UnsupportedByProviderError } from '../../errors';
import { requireMethod } from '../capabilities';
import { withIdempotency } from '../common/idempotent-mutation';
import type { CreateExportJobInput } from './export-job.input';
import { validateCreateExportJob } from './export-job.validation';
import { registerNodeFetcher } from '../node/node-fetchers';

const HOUR_MS = 60 * 60 * 1000;

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

/** `/exports/<token>` for a finished job's file, or null when the provider cannot stream it. */
export function exportDownloadUrl(ctx: RequestContext, job: ExportJobRecord): string | null {
  const downloadRef = job.file?.downloadRef;
  if (!downloadRef || !ctx.session(job.provider).downloadExportFile) return null;
  const token = signExportDownload(ctx.signingSecret, {
    tenantId: ctx.tenant.id,
    provider: job.provider,
    companyId: job.companyId,
    downloadRef,
    // Rounded up to the hour so the same job gives the same link for a while (stable, cacheable).
    expiresAt: Math.ceil((Date.now() + EXPORT_LINK_TTL_MS) / HOUR_MS) * HOUR_MS,
  });
  return `${ctx.publicUrl}/exports/${token}`;
}

registerNodeFetcher('ExportJob', (_ctx, session, { companyId, nativeId }) =>
  requireMethod(session, 'getExportJob', 'EXPORT_JOBS')(companyId, nativeId),
);
