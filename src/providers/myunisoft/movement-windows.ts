/**
 * Date windows inside a period: MAD has no pagination, so a page downloads one window at most. Windows
 * are thirds of a calendar month (days 1–10, 11–20, 21–end): a large exercise's month of ~40k movements
 * would make the first page wait for, and hold, three times what it needs (measured in bench/).
 */
import type { IsoDate } from '../../domain/model';

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

/** Window boundaries are stable whatever the period's start, so cached windows serve every listing. */
const WINDOW_START_DAYS = [1, 11, 21] as const;

const isoDate = (year: number, month: number, day: number): IsoDate =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The first day of the window after the one holding `date`. */
function nextWindowStart(date: IsoDate): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const nextDay = WINDOW_START_DAYS.find((start) => start > day);
  return nextDay ? isoDate(year, month, nextDay) : isoDate(year, month + 1, 1);
}

/** `2025-01-15 … 2025-02-12` → [01-15…01-20], [01-21…01-31], [02-01…02-10], [02-11…02-12]. */
export function periodWindows(from: IsoDate, to: IsoDate): DateWindow[] {
  const windows: DateWindow[] = [];
  let start = from;
  while (start <= to) {
    const next = nextWindowStart(start);
    const dayBefore = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    windows.push({ start, end: dayBefore < to ? dayBefore : to });
    start = next;
  }
  return windows;
}
