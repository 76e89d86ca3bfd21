/**
 * Bulk exports at the schema layer: validation, allowlist and capability checks before any upstream
 * call, the exercise resolved (entries are exported by dates), idempotent start; lookups by id read
 * the shared store, scoped to the caller's tenant; download links are signed for that tenant.
 */
import { BULK_EXPORT_TTL_MS } from '../../bulk/bulk-export-records';
import type { BulkExportRunner } from '../../bulk/bulk-export-runner';
import type { BulkExportKind, BulkExportRecord, BulkExportRequest } from '../../bulk/bulk-export.model';
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf, type GlobalId } from '../../domain/ids';
import { NotFoundError, UnsupportedByProviderError } from '../../errors';
import type { ProviderSession } from '../../providers/types';
import { requireMethod } from '../capabilities';
import { withIdempotency } from '../common/idempotent-mutation';
import type { StartBulkExportInput } from './bulk-export.input';
import { validateBulkPeriod, type BulkPeriodInput } from './bulk-export.validation';
import { NO_LINK, downloadLink, type LinkFields } from '../common/download-link';
import { assertFecExport, fecExportPlan } from '../ledger/fec-export';
import { registerNodeFetcher } from '../node/node-fetchers';

function serviceOf(ctx: RequestContext): BulkExportRunner {
  // Only contexts built outside the HTTP app (unit tests) lack it: a wiring bug, masked as internal.
  if (!ctx.bulkExports) throw new Error('bulk exports are not wired into this context');
  return ctx.bulkExports;
}

/** UNSUPPORTED_BY_PROVIDER unless the session can list (or stream) that kind. */
function assertCanExport(session: ProviderSession, kind: BulkExportKind): void {
  const can =
    kind === 'MOVEMENTS'
      ? 'streamMovements' in session || 'listMovements' in session
      : 'streamEntries' in session || 'listEntries' in session;
  if (!can || !session.capabilities.includes(kind))
    throw new UnsupportedByProviderError(session.provider, kind);
}

/** Checks the exercise exists; entries are exported by the exercise's dates. */
async function providerPeriod(
  session: ProviderSession,
  company: GlobalId,
  kind: BulkExportKind,
  period: BulkPeriodInput,
): Promise<BulkExportRequest['period']> {
  if (!('exerciseId' in period)) return period;
  const exercises = await requireMethod(session, 'listExercises', 'EXERCISES')(company.companyId);
  const exercise = exercises.find((e) => e.providerId === period.exerciseId);
  if (!exercise) throw new NotFoundError('Exercise', 'input.exerciseId');
  return kind === 'MOVEMENTS' ? period : { from: exercise.startDate, to: exercise.endDate };
}

export async function startBulkExport(
  ctx: RequestContext,
  input: StartBulkExportInput,
): Promise<BulkExportRecord> {
  const service = serviceOf(ctx);
  const company = decodeGlobalIdOf(input.companyId, ['Company'], 'input.companyId');
  const period = validateBulkPeriod(company, input);
  const session = ctx.companySession(company.provider, company.companyId, 'input.companyId');
  if (input.format === 'FEC') assertFecExport(session, input.kind);
  else assertCanExport(session, input.kind);
  const request: BulkExportRequest = {
    tenantId: ctx.tenant.id,
    provider: company.provider,
    companyId: company.companyId,
    kind: input.kind,
    format: input.format,
    period: await providerPeriod(session, company, input.kind, period),
  };
  if (input.format === 'FEC' && 'from' in request.period)
    request.fec = await fecExportPlan(ctx, session, company.companyId, request.period, {
      exerciseId: 'exerciseId' in period ? period.exerciseId : null,
    });
  const fingerprint = { company, kind: input.kind, format: input.format, period };
  const started = await withIdempotency(
    ctx,
    input.idempotencyKey,
    'startBulkExport',
    fingerprint,
    (journal) => service.start(request, journal && bulkExportIdOf(journal.writeId)),
  );
  // A retry gets the export as it stands now, not as it was recorded when first started.
  return (await service.find(ctx.tenant.id, started.providerId)) ?? started;
}

/** An idempotent start's export id: its write reference's 32 hex digits, the shape of a random one. */
const bulkExportIdOf = (writeId: string): string => writeId.replace(/^gl-/, '');

/** The tenant's export named by a global id, or null. */
export async function findBulkExport(ctx: RequestContext, id: GlobalId): Promise<BulkExportRecord | null> {
  const record = await serviceOf(ctx).find(ctx.tenant.id, id.nativeId);
  return record && record.provider === id.provider && record.companyId === id.companyId ? record : null;
}

/** The `/bulk-exports/<token>` link once the file is ready; it never outlives the file. */
export function bulkDownloadLink(ctx: RequestContext, record: BulkExportRecord): Promise<LinkFields> {
  if (record.status !== 'COMPLETED' || !record.completedAt) return Promise.resolve(NO_LINK);
  const fileExpiry = Date.parse(record.completedAt) + BULK_EXPORT_TTL_MS;
  return downloadLink(ctx, { kind: 'BULK', exportId: record.providerId }, fileExpiry);
}

// Not a provider object: its record lives in the shared store, under the caller's tenant.
registerNodeFetcher('BulkExport', (ctx, _session, id) => findBulkExport(ctx, id));
