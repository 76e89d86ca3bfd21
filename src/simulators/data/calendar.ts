/** Date arithmetic on `YYYY-MM-DD` strings in UTC, so generated data never depends on the local zone. */
const DAY_MS = 86_400_000;

export const toDayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
/** `2022-01-21` → `20220121` (FEC and MyUnisoft's legacy format). */
export const compactDate = (iso: string): string => iso.replaceAll('-', '');
