/**
 * MovementFilter rules (MyUnisoft's MAD export): an exercise or a from/to window of at most 12
 * months, not both, from ≤ to. Checked before any upstream call; errors name `filter.<field>`.
 */
import { z } from 'zod';
import type { MovementFilter } from '../../providers/types';
import { isoDate, parseInput, windowIssue, withoutNulls } from '../common/validation';

/** `exerciseGiven`: the parent is an exercise (Exercise.movements), which stands for `exerciseId`. */
const movementFilterShape = (exerciseGiven: boolean) =>
  z
    .object({
      exerciseId: z.string().min(1).nullish(),
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      dateFilter: z.enum(['DOCUMENT', 'MYUNISOFT', 'ACCOUNTING']).nullish(),
      source: z.string().min(1).max(64).nullish(),
      accountClasses: z
        .array(z.string().regex(/^\d{1,10}$/, 'account classes are digits'))
        .min(1)
        .max(20)
        .nullish(),
      lettering: z.enum(['NONE', 'PARTIAL', 'COMPLETE']).nullish(),
      draft: z.boolean().nullish(),
    })
    .superRefine((f, ctx) => {
      const window = Boolean(f.from || f.to);
      const exercise = exerciseGiven || Boolean(f.exerciseId);
      if (exerciseGiven && f.exerciseId)
        ctx.addIssue({ code: 'custom', path: ['exerciseId'], message: 'the exercise is already given' });
      else if (exercise && window)
        ctx.addIssue({
          code: 'custom',
          path: ['exerciseId'],
          message: 'give either exerciseId or a from/to window, not both',
        });
      else if (!exercise && !window)
        ctx.addIssue({
          code: 'custom',
          path: ['exerciseId'],
          message: 'give an exerciseId or a from/to window',
        });
      else if (f.from && !f.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required with from' });
      else if (f.to && !f.from)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required with to' });
      else {
        const issue = windowIssue(f.from, f.to, 'from');
        if (issue) ctx.addIssue({ code: 'custom', path: ['to'], message: issue });
      }
    });

/** The filter as given; `exerciseId` is still a global id (the service resolves it). */
export type ValidMovementFilter = Omit<MovementFilter, 'exerciseId'> & { exerciseId?: string };

const ownFilter = movementFilterShape(false);
const exerciseFilter = movementFilterShape(true);

export function validateMovementFilter(filter: unknown, prefix = 'filter'): ValidMovementFilter {
  return withoutNulls(parseInput(ownFilter, filter, prefix));
}

/** Exercise.movements: the exercise is the parent, so the filter names neither one nor a window. */
export function validateExerciseMovementFilter(filter: unknown, prefix = 'filter'): ValidMovementFilter {
  return withoutNulls(parseInput(exerciseFilter, filter ?? {}, prefix));
}
