/** `Date`: a calendar date, `YYYY-MM-DD`, checked to be a real day (no 2023-02-30). */
import { GraphQLScalarType } from 'graphql';
import { BadUserInputError } from '../../errors';
import { parseStringLiteral } from './string-literal';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new BadUserInputError(
      `Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** The last day `serialize` found real: a page's rows come in date order, most repeat the one before. */
let lastRealDay = '';

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time zone, written YYYY-MM-DD (ISO 8601), e.g. "2024-03-31".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') {
      if (value === lastRealDay) return value;
      const day = value.slice(0, 10);
      if (isIsoDate(day)) {
        if (day === value) lastRealDay = day;
        return day;
      }
    }
    throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: parseStringLiteral('Date must be a string written YYYY-MM-DD.', parseDate),
});
