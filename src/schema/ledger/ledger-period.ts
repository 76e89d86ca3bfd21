/**
 * Turns a validated TrialBalanceFilter into the ledger period: an exercise (checked to be the
 * company's, its dates read from the provider) or a window, with the exercise holding its start
 * when the provider has exercises (for the ledger's balance brought forward).
 */
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import type { CompanyRecord, ExerciseRecord } from '../../domain/model';
import { NotFoundError, UnsupportedByProviderError } from '../../errors';
import { keepsBooks } from '../../ledger/ledger-source';
import type { LedgerPeriod } from '../../ledger/ledger.model';
import type { ProviderSession } from '../../providers/types';
import { requireMethod } from '../capabilities';
import type { ValidTrialBalanceFilter } from './ledger.validation';

export type CompanyRef = Pick<CompanyRecord, 'provider' | 'providerId'>;

/** The company's session, UNSUPPORTED_BY_PROVIDER unless it keeps books (Jepilote does not). */
export function booksSession(ctx: RequestContext, company: CompanyRef): ProviderSession {
  const session = ctx.companySession(company.provider, company.providerId);
  if (!keepsBooks(session)) throw new UnsupportedByProviderError(company.provider, 'MOVEMENTS');
  return session;
}

const hasExercises = (session: ProviderSession) =>
  session.listExercises !== undefined && session.capabilities.includes('EXERCISES');

export async function resolvePeriod(
  ctx: RequestContext,
  session: ProviderSession,
  company: CompanyRef,
  filter: ValidTrialBalanceFilter,
): Promise<LedgerPeriod> {
  const accountClasses = filter.accountClasses;
  if (filter.exerciseId) {
    const id = decodeGlobalIdOf(filter.exerciseId, ['Exercise'], 'filter.exerciseId');
    if (id.provider !== company.provider || id.companyId !== company.providerId)
      throw new NotFoundError('Exercise', 'filter.exerciseId');
    const exercises = await listExercises(ctx, session, company);
    const exercise = exercises.find((e) => e.providerId === id.nativeId);
    if (!exercise) throw new NotFoundError('Exercise', 'filter.exerciseId');
    return {
      from: exercise.startDate,
      to: exercise.endDate,
      exerciseId: exercise.providerId,
      exercise,
      accountClasses,
    };
  }
  const from = filter.from!;
  const to = filter.to!;
  const exercise = hasExercises(session)
    ? ((await listExercises(ctx, session, company)).find((e) => e.startDate <= from && e.endDate >= from) ??
      null)
    : null;
  return { from, to, exerciseId: null, exercise, accountClasses };
}

function listExercises(ctx: RequestContext, session: ProviderSession, company: CompanyRef) {
  const list = requireMethod(session, 'listExercises', 'EXERCISES');
  return ctx.once(`exercises|${company.provider}|${company.providerId}`, () => list(company.providerId));
}

/** The exercise's closing date where known, else the period's end (a FEC file name's date). */
export const closingDate = (period: LedgerPeriod): string => period.exercise?.endDate ?? period.to;

export type { ExerciseRecord };
