/**
 * The export job lifecycle an accounting integration reports (EXPORT_JOB_LIFECYCLE): status events and
 * item statuses. Validated before any call, the company allowlisted (mutationSession), keyed retries
 * run through the idempotency machinery (the connector reconciles a lost event by reading the job).
 */
import type { RequestContext } from '../../context';
import { encodeGlobalId } from '../../domain/ids';
import type { ExportJobItemsUpdateRecord, ExportJobRecord } from '../../domain/model';
import { requireMethod } from '../capabilities';
import { withIdempotency } from '../common/idempotent-mutation';
import type { UpdateExportJobItemsInput, UpdateExportJobStatusInput } from './export-job-lifecycle.input';
import type { ExportJobItemsUpdate } from './export-job-lifecycle.type';
import {
  exportJobOf,
  validateUpdateExportJobItems,
  validateUpdateExportJobStatus,
} from './export-job-lifecycle.validation';

export async function updateExportJobStatus(
  ctx: RequestContext,
  input: UpdateExportJobStatusInput,
): Promise<ExportJobRecord> {
  const job = exportJobOf(input);
  const request = validateUpdateExportJobStatus(job, { ...input });
  const session = ctx.mutationSession(job.provider, job.companyId, 'input.exportJobId');
  const update = requireMethod(session, 'updateExportJobStatus', 'EXPORT_JOB_LIFECYCLE');
  return withIdempotency(ctx, input.idempotencyKey, 'updateExportJobStatus', request, (journal) =>
    update(request, journal),
  );
}

export async function updateExportJobItems(
  ctx: RequestContext,
  input: UpdateExportJobItemsInput,
): Promise<ExportJobItemsUpdate> {
  const job = exportJobOf(input);
  const request = validateUpdateExportJobItems(job, { ...input });
  const session = ctx.mutationSession(job.provider, job.companyId, 'input.exportJobId');
  const update = requireMethod(session, 'updateExportJobItems', 'EXPORT_JOB_LIFECYCLE');
  const result = await withIdempotency(
    ctx,
    input.idempotencyKey,
    'updateExportJobItems',
    request,
    (journal) => update(request, journal),
  );
  return toPayload(
    result,
    request.items.map((item) => item.entryId.toLowerCase()),
  );
}

/** Entry ids as global ids; each error points at its update in `input.items`. */
function toPayload(result: ExportJobItemsUpdateRecord, asked: string[]): ExportJobItemsUpdate {
  const entryId = (record: { provider: ExportJobRecord['provider']; companyId: string; entryId: string }) =>
    encodeGlobalId({
      type: 'Entry',
      provider: record.provider,
      companyId: record.companyId,
      nativeId: record.entryId,
    });
  return {
    items: result.items.map((item) => ({
      entryId: entryId(item),
      status: item.status,
      failureReason: item.failureReason,
      externalId: item.externalId,
      externalUrl: item.externalUrl,
      updatedAt: item.updatedAt,
    })),
    errors: result.errors.map((error) => {
      const index = asked.indexOf(error.entryId.toLowerCase());
      return { index: index >= 0 ? index : null, entryId: entryId(error), code: error.code };
    }),
  };
}
