/**
 * Date windows inside a period: MAD has no pagination, so a page downloads one window at a time. The
 * first window is the third of a calendar month holding the period's start (days 1–10, 11–20, 21–end):
 * a large exercise's month of ~40k movements would make the first page wait for, and hold, three times
 * what it needs (measured in bench/). Each next window is sized from the last one's density, aiming at
 * TARGET_MOVEMENTS: a small company's exercise takes two or three downloads instead of thirty-six, a
 * large one keeps windows of about three weeks. Windows never shrink and never pass MAD's 12 months.
 */
import type { IsoDate } from '../../domain/model';

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

/**
 * Movements a window aims at: one download serves ~600 pages of 50 and its snapshot stays ~8 MB. A walk
 * of 500k movements takes ~22 MAD calls (38 at 15,000, which MyUnisoft's 20 calls per 10 s paced).
 */
export const TARGET_MOVEMENTS = 30_000;
/** Most a window grows over the last one: a sparse start says little about the rest of the year. */
const MAX_GROWTH = 8;
const DAY_MS = 86_400_000;
const WINDOW_START_DAYS = [1, 11, 21] as const;

const isoDate = (year: number, month: number, day: number): IsoDate =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
/** Days since the epoch, for day arithmetic on ISO dates. */
export const dayNumber = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
const earliest = (...dates: IsoDate[]) => dates.reduce((a, b) => (a < b ? a : b));

/** Last day MAD accepts for a window starting on `start`: twelve months minus one day. */
export function lastDayWithin12Months(start: IsoDate): IsoDate {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return fromDayNumber(Date.UTC(y, m - 1 + 12, d) / DAY_MS - 1);
}

/** The first window of `from … to`: from `from` to the end of its third of a month; null when empty. */
export function firstWindow(from: IsoDate, to: IsoDate): DateWindow | null {
  if (from > to) return null;
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const nextDay = WINDOW_START_DAYS.find((start) => start > day);
  const next = nextDay ? isoDate(year, month, nextDay) : isoDate(year, month + 1, 1);
  return { start: from, end: earliest(fromDayNumber(dayNumber(next) - 1), to) };
}

/** The window after `previous` (which held `count` movements) up to `to`; null when the period is done. */
export function nextWindow(previous: DateWindow, count: number, to: IsoDate): DateWindow | null {
  const start = fromDayNumber(dayNumber(previous.end) + 1);
  return start > to ? null : grownWindow(previous, count, start, to);
}

/**
 * A window from `start` sized from `previous` (which held `count` movements): its days times the
 * growth towards TARGET_MOVEMENTS, at most MAX_GROWTH, within `to` and MAD's 12 months.
 */
export function grownWindow(previous: DateWindow, count: number, start: IsoDate, to: IsoDate): DateWindow {
  const days = dayNumber(previous.end) - dayNumber(previous.start) + 1;
  const growth = Math.min(MAX_GROWTH, Math.max(1, TARGET_MOVEMENTS / Math.max(count, 1)));
  const end = fromDayNumber(dayNumber(start) + Math.floor(days * growth) - 1);
  return { start, end: earliest(end, to, lastDayWithin12Months(start)) };
}

/** `from … to` in windows MAD accepts (twelve months minus one day each), in order. */
export function windowsWithin12Months(from: IsoDate, to: IsoDate): DateWindow[] {
  const windows: DateWindow[] = [];
  for (let start = from; start <= to;) {
    const end = earliest(lastDayWithin12Months(start), to);
    windows.push({ start, end });
    start = fromDayNumber(dayNumber(end) + 1);
  }
  return windows;
}
