/** Calendar-month windows inside a period: MAD has no pagination, so a page downloads one month at most. */
import type { IsoDate } from '../../domain/model';

export interface MonthWindow {
  start: IsoDate;
  end: IsoDate;
}

const lastDayOfMonth = (year: number, month: number): IsoDate =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** `2025-01-15 … 2025-03-10` → [01-15…01-31], [02-01…02-28], [03-01…03-10]. */
export function monthWindows(from: IsoDate, to: IsoDate): MonthWindow[] {
  const windows: MonthWindow[] = [];
  let start = from;
  while (start <= to) {
    const [year, month] = start.split('-').map(Number) as [number, number];
    const monthEnd = lastDayOfMonth(year, month);
    const end = monthEnd < to ? monthEnd : to;
    windows.push({ start, end });
    start = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  }
  return windows;
}
