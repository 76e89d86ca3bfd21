/**
 * What one movement listing downloads, slice by slice (MAD has no pagination). A from/to listing is
 * date windows on its `dateFilter` column. An exercise is what MAD's `idExercice` selects — the entries
 * booked in it, whatever their document date — read as windows on the accounting date (its validated
 * movements), then windows on the document date with `draft` (its drafts, which have no accounting date
 * yet, so their document's date places them). Windows are sized from density (movement-windows.ts) and
 * each slice is one listing snapshot: memory stays bounded by one window.
 * That a draft has no accounting date is the simulator's reading of MAD (docs/providers.md, fidelity).
 */
import type { IsoDate } from '../../domain/model';
import type { MovementFilter } from '../types';
import { firstWindow, grownWindow, nextWindow, type DateWindow } from './movement-windows';

export type MovementSlice = { window: DateWindow; drafts: boolean };

/** The slices of one listing, in order: the next one is known from the last one's size. */
export interface SlicePlan {
  from: IsoDate;
  to: IsoDate;
  /** The phases walked in turn: false = validated (or a plain window listing), true = drafts. */
  phases: readonly boolean[];
}

export function slicePlan(filter: MovementFilter, from: IsoDate, to: IsoDate): SlicePlan {
  if (filter.exerciseId === undefined) return { from, to, phases: [false] };
  const phases = filter.draft === true ? [true] : filter.draft === false ? [false] : [false, true];
  return { from, to, phases };
}

const phaseStart = (plan: SlicePlan, drafts: boolean): MovementSlice | null => {
  const window = firstWindow(plan.from, plan.to);
  return window ? { window, drafts } : null;
};

export const firstSlice = (plan: SlicePlan): MovementSlice | null => phaseStart(plan, plan.phases[0]!);

/** The slice after one that held `count` rows: the next window of its phase, else the next phase's first. */
export function nextSlice(plan: SlicePlan, slice: MovementSlice, count: number): MovementSlice | null {
  const window = nextWindow(slice.window, count, plan.to);
  if (window) return { window, drafts: slice.drafts };
  const phase = plan.phases.indexOf(slice.drafts);
  const following = plan.phases[phase + 1];
  if (following === undefined || plan.from > plan.to) return null;
  // The next phase starts at the density the last window saw, not a third of a month: a small company's
  // drafts take one download, not three growing ones (bench part 5), and a dense one's stay as bounded.
  return { window: grownWindow(slice.window, count, plan.from, plan.to), drafts: following };
}

/** What is booked in a period, one phase at a time: validated movements by accounting date, drafts by document date. */
export const bookedPhase = (drafts: boolean): Pick<MovementFilter, 'dateFilter' | 'draft'> =>
  drafts ? { dateFilter: 'DOCUMENT', draft: true } : { dateFilter: 'ACCOUNTING', draft: false };

/** The upstream filter of one slice: its window, on the listing's column or (an exercise) as above. */
export function sliceFilter(filter: MovementFilter, slice: MovementSlice): MovementFilter {
  const { exerciseId, from: _from, to: _to, ...rest } = filter;
  const window = { from: slice.window.start, to: slice.window.end };
  if (exerciseId === undefined) return { ...rest, ...window };
  return { ...rest, ...window, ...bookedPhase(slice.drafts) };
}
