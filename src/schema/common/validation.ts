/** zod at the GraphQL boundary: the first broken rule becomes BAD_USER_INPUT naming its field path. */
import { z } from 'zod';
import { BadUserInputError } from '../../errors';
import { isIsoDate } from '../scalars/date.scalar';

/** A `YYYY-MM-DD` calendar day (the Date scalar checks it too; this guards direct service calls). */
export const isoDate = z.string().refine(isIsoDate, 'must be a calendar day written YYYY-MM-DD');

/** Parses `value` with `schema`; `prefix` is the argument name (`filter`, `input`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].join('.');
  throw new BadUserInputError(`${field}: ${issue?.message ?? 'invalid value'}.`, field);
}

/** Drops null members (GraphQL passes explicit nulls) so provider filters only hold what was asked. */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/** `YYYY-MM-DD` plus `months` calendar months (day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The longest date window a list takes (movements, entries, documents, bulk exports). */
export const MAX_WINDOW_MONTHS = 12;

/** What is wrong with a from/to window given with both ends, said of its end; undefined if nothing. */
export function windowIssue(
  from: string | null | undefined,
  to: string | null | undefined,
  fromName: string,
) {
  if (!from || !to) return undefined;
  if (from > to) return `must not be before ${fromName}`;
  if (to >= addMonths(from, MAX_WINDOW_MONTHS)) return `the window is at most ${MAX_WINDOW_MONTHS} months`;
  return undefined;
}
