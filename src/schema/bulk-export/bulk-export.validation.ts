/**
 * StartBulkExportInput rules: the period follows MovementFilter's (an exercise or a from/to window of
 * at most 12 months, not both, from ≤ to), checked before any upstream call; errors name `input.<field>`.
 */
import { decodeGlobalIdOf, type GlobalId } from '../../domain/ids';
import { NotFoundError } from '../../errors';
import { validateMovementFilter } from '../movement/movement.validation';

export type BulkPeriodInput = { exerciseId: string } | { from: string; to: string };

/** The period of the input; an exercise must be one of `company`'s (NOT_FOUND otherwise). */
export function validateBulkPeriod(
  company: GlobalId,
  input: { exerciseId?: string | null; from?: string | null; to?: string | null },
): BulkPeriodInput {
  const valid = validateMovementFilter(
    { exerciseId: input.exerciseId, from: input.from, to: input.to },
    'input',
  );
  if (!valid.exerciseId) return { from: valid.from!, to: valid.to! };
  const exercise = decodeGlobalIdOf(valid.exerciseId, ['Exercise'], 'input.exerciseId');
  if (exercise.provider !== company.provider || exercise.companyId !== company.companyId)
    throw new NotFoundError('Exercise', 'input.exerciseId');
  return { exerciseId: exercise.nativeId };
}
