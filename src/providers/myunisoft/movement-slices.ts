/**
 * What one movement listing downloads, slice by slice (MAD has no pagination). A from/to listing is
 * date windows on its `dateFilter` column. An exercise is what MAD's `idExercice` selects — the entries
 * booked in it, whatever their document date — read as windows on the accounting date (its validated
 * movements), then windows on the document date with `draft` (its drafts, which have no accounting date
 * yet, so their document's date places them). Every slice is a window: memory stays bounded by one.
 * That a draft has no accounting date is the simulator's reading of MAD (docs/providers.md, Provider fidelity).
 */
import type { ExerciseRecord } from '../../domain/model';
import type { MovementFilter } from '../types';
import { periodWindows, type DateWindow } from './movement-windows';

export type MovementSlice = { window: DateWindow; drafts: boolean };

export function exerciseSlices(exercise: ExerciseRecord, draft: boolean | undefined): MovementSlice[] {
  const windows = periodWindows(exercise.startDate, exercise.endDate);
  const validated = windows.map((window) => ({ window, drafts: false }));
  const drafts = windows.map((window) => ({ window, drafts: true }));
  if (draft === true) return drafts;
  return draft === false ? validated : [...validated, ...drafts];
}

export const windowSlices = (from: string, to: string): MovementSlice[] =>
  periodWindows(from, to).map((window) => ({ window, drafts: false }));

/** The upstream filter of one slice: its window, on the listing's column or (an exercise) as above. */
export function sliceFilter(filter: MovementFilter, slice: MovementSlice): MovementFilter {
  const { exerciseId, from: _from, to: _to, ...rest } = filter;
  const window = { from: slice.window.start, to: slice.window.end };
  if (exerciseId === undefined) return { ...rest, ...window };
  return slice.drafts
    ? { ...rest, ...window, dateFilter: 'DOCUMENT', draft: true }
    : { ...rest, ...window, dateFilter: 'ACCOUNTING', draft: false };
}
