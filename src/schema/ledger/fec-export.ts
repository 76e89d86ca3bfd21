/**
 * What a FEC bulk export needs beyond its rows: kind ENTRIES from a provider that keeps books, the
 * legal file name `<SIREN>FEC<closing date>.txt` (the exercise's closing date, else the window's
 * end), the exercise its dates are checked against, and the exercise asked for (its lines are those
 * booked in it).
 */
import type { BulkExportKind, BulkExportRequest } from '../../bulk/bulk-export.model';
import type { RequestContext } from '../../context';
import type { ExerciseRecord } from '../../domain/model';
import { BadUserInputError, UnsupportedByProviderError } from '../../errors';
import { fecFileName } from '../../fec/writer';
import { keepsBooks } from '../../ledger/ledger-source';
import type { ProviderSession } from '../../providers/types';

/** Before any upstream call: a FEC holds entries, and only a provider with books can give one. */
export function assertFecExport(session: ProviderSession, kind: BulkExportKind): void {
  if (kind !== 'ENTRIES')
    throw new BadUserInputError('input.kind: a FEC export is of kind ENTRIES.', 'input.kind');
  if (!keepsBooks(session)) throw new UnsupportedByProviderError(session.provider, 'FEC');
}

export async function fecExportPlan(
  ctx: RequestContext,
  session: ProviderSession,
  companyId: string,
  period: { from: string; to: string },
  asked: { exerciseId: string | null },
): Promise<NonNullable<BulkExportRequest['fec']>> {
  const company = await session.getCompany(companyId);
  const exercises: ExerciseRecord[] =
    session.listExercises && session.capabilities.includes('EXERCISES')
      ? await ctx.once(`exercises|${session.provider}|${companyId}`, () => session.listExercises!(companyId))
      : [];
  const exercise =
    exercises.find((e) =>
      asked.exerciseId !== null
        ? e.providerId === asked.exerciseId
        : e.startDate <= period.from && e.endDate >= period.to,
    ) ?? null;
  // A company without a known SIREN gets nine zeros: the report's fileName check then says so.
  const siren = company?.siren && /^\d{9}$/.test(company.siren) ? company.siren : '000000000';
  return {
    fileName: fecFileName(siren, exercise?.endDate ?? period.to),
    exercise: exercise && { startDate: exercise.startDate, endDate: exercise.endDate },
    exerciseId: asked.exerciseId,
  };
}
