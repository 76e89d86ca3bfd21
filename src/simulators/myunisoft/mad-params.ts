/**
 * MAD query-string rules: `version` on every route; an exercise (`idExercice`) or a window
 * (`startDate` + `endDate`, at most 12 months) but never both; `dateFilter`, `source`,
 * `classAccount` (repeated), `lettering`, `draft` (a flag). Each broken rule is a 400.
 * The error codes are the simulator's: MyUnisoft documents the rules, not their codes.
 */
import type { GenCompany } from '../data/dataset';
import { MyUnisoftError, badRequest } from './errors';
import type { DateFilter, MovementFilters, Period } from './ledger-query';

export type Query = Record<string, string | string[] | undefined>;

export const MAD_VERSION = '1.0.0';
const DATE_FILTERS: readonly DateFilter[] = ['document', 'myunisoft', 'accounting'];
const LETTERING = ['none', 'partial', 'complete'] as const;

/** A parameter that may appear once; repeated → 400. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value))
    throw badRequest('ERR-INVALID-PARAMETER', `${name} accepts a single value.`, { parameter: name });
  return value;
}

export const many = (query: Query, name: string): string[] => ([] as string[]).concat(query[name] ?? []);

/** Present at all, with or without a value (`?draft`, `?draft=`, `?draft=1`). */
export const flag = (query: Query, name: string): boolean => query[name] !== undefined;

export function requireVersion(query: Query): void {
  const version = single(query, 'version');
  if (!version)
    throw badRequest('ERR-VERSION-REQUIRED', 'The version query parameter is required.', {
      parameter: 'version',
    });
  if (version !== MAD_VERSION) {
    throw badRequest('ERR-UNSUPPORTED-VERSION', `Unsupported MAD version ${version}.`, {
      supported: [MAD_VERSION],
    });
  }
}

export function isoDate(value: string, name: string): string {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid)
    throw badRequest('ERR-INVALID-DATE', `${name} must be a date in the YYYY-MM-DD format.`, {
      parameter: name,
    });
  return value;
}

/** Last day allowed for a window starting on `start`: twelve months minus one day. */
export function lastDayWithin12Months(start: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + 12, d) - 86_400_000).toISOString().slice(0, 10);
}

export function exerciseOf(company: GenCompany, raw: string) {
  if (!/^\d+$/.test(raw))
    throw badRequest('ERR-INVALID-EXERCICE-ID', 'idExercice must be an integer.', {
      parameter: 'idExercice',
    });
  const exercise = company.exercises.find((e) => e.id === raw);
  if (!exercise)
    throw new MyUnisoftError(404, 'ERR-EXERCICE-NOT-FOUND', 'Exercise not found.', { idExercice: raw });
  return exercise;
}

export function dateWindow(query: Query): { from: string; to: string } | null {
  const start = single(query, 'startDate');
  const end = single(query, 'endDate');
  if (start === undefined && end === undefined) return null;
  if (start === undefined || end === undefined) {
    throw badRequest('ERR-PERIOD-INCOMPLETE', 'startDate and endDate go together.', {
      parameters: ['startDate', 'endDate'],
    });
  }
  const from = isoDate(start, 'startDate');
  const to = isoDate(end, 'endDate');
  if (from > to) throw badRequest('ERR-INVALID-PERIOD', 'startDate must not be after endDate.');
  if (to > lastDayWithin12Months(from)) {
    throw badRequest('ERR-PERIOD-TOO-LONG', 'The window between startDate and endDate is at most 12 months.');
  }
  return { from, to };
}

/** An exercise or a window, never both, never neither. */
export function parsePeriod(query: Query, company: GenCompany): Period {
  const idExercice = single(query, 'idExercice');
  const window = dateWindow(query);
  if (idExercice !== undefined && window) {
    throw badRequest('ERR-PERIOD-CONFLICT', 'Use idExercice or startDate/endDate, not both.');
  }
  if (idExercice !== undefined) return { exercise: exerciseOf(company, idExercice) };
  if (!window) throw badRequest('ERR-PERIOD-REQUIRED', 'idExercice or startDate/endDate is required.');
  const dateFilter = (single(query, 'dateFilter') ?? 'document') as DateFilter;
  if (!DATE_FILTERS.includes(dateFilter)) {
    throw badRequest('ERR-INVALID-DATE-FILTER', 'dateFilter is one of document, myunisoft, accounting.', {
      allowed: DATE_FILTERS,
    });
  }
  return { ...window, dateFilter };
}

export function parseMovementFilters(query: Query): MovementFilters {
  const classAccounts = many(query, 'classAccount');
  const badRoot = classAccounts.find((root) => !/^[0-9]{1,12}$/.test(root));
  if (badRoot !== undefined) {
    throw badRequest('ERR-INVALID-CLASS-ACCOUNT', 'classAccount is an account root made of digits.', {
      value: badRoot,
    });
  }
  const lettering = single(query, 'lettering');
  if (lettering !== undefined && !(LETTERING as readonly string[]).includes(lettering)) {
    throw badRequest('ERR-INVALID-LETTERING', 'lettering is one of none, partial, complete.', {
      allowed: LETTERING,
    });
  }
  const source = single(query, 'source');
  if (source === '') throw badRequest('ERR-INVALID-SOURCE', 'source must name a source code.');
  return {
    classAccounts,
    draft: flag(query, 'draft'),
    ...(source ? { source } : {}),
    ...(lettering ? { lettering: lettering as MovementFilters['lettering'] & string } : {}),
  };
}
