/**
 * What one movement listing downloads, slice by slice (MAD has no pagination). A from/to listing is
 * date windows on its `dateFilter` column. An exercise is what MAD's `idExercice` selects — the entries
 * booked in it, whatever their document date — read as windows on the accounting date (validated
 * movements; bounded like any window) plus one `idExercice` + `draft` call for its drafts, which carry
 * no accounting date. That drafts have none is the simulator's reading of MAD (README, guesses).
 */
import type { ExerciseRecord } from '../../domain/model';
import type { MovementFilter } from '../types';
import { periodWindows, type DateWindow } from './movement-windows';

export type MovementSlice = { window: DateWindow } | { draftsOf: string };

export function exerciseSlices(exercise: ExerciseRecord, draft: boolean | undefined): MovementSlice[] {
  const windows = periodWindows(exercise.startDate, exercise.endDate).map((window) => ({ window }));
  if (draft === true) return [{ draftsOf: exercise.providerId }];
  return draft === false ? windows : [...windows, { draftsOf: exercise.providerId }];
}

export const windowSlices = (from: string, to: string): MovementSlice[] =>
  periodWindows(from, to).map((window) => ({ window }));

/** The upstream filter of one slice: its window on its date column, or the exercise's drafts. */
export function sliceFilter(filter: MovementFilter, slice: MovementSlice): MovementFilter {
  const { exerciseId, from: _from, to: _to, ...rest } = filter;
  if ('draftsOf' in slice) return { ...rest, exerciseId: slice.draftsOf, draft: true };
  if (exerciseId === undefined) return { ...rest, from: slice.window.start, to: slice.window.end };
  // Validated movements of the exercise: drafts come from their own slice.
  return {
    ...rest,
    dateFilter: 'ACCOUNTING',
    draft: false,
    from: slice.window.start,
    to: slice.window.end,
  };
}
