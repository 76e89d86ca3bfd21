/** A company's exercises (exercise.resolver.ts's field spec shares the call within the request). */
import type { RequestContext } from '../../context';
import type { CompanyRecord, ExerciseRecord } from '../../domain/model';
import { requireMethod } from '../capabilities';
import { registerNodeFetcher } from '../node/node-fetchers';

export function companyExercises(
  ctx: RequestContext,
  company: Pick<CompanyRecord, 'provider' | 'providerId'>,
): Promise<ExerciseRecord[]> {
  const session = ctx.companySession(company.provider, company.providerId);
  const list = requireMethod(session, 'listExercises', 'EXERCISES');
  return list(company.providerId);
}

registerNodeFetcher('Exercise', async (_ctx, session, { companyId, nativeId }) => {
  if (session.getExercise) return requireMethod(session, 'getExercise', 'EXERCISES')(companyId, nativeId);
  const all = await requireMethod(session, 'listExercises', 'EXERCISES')(companyId);
  return all.find((exercise) => exercise.providerId === nativeId) ?? null;
});
